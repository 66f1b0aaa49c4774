package dev.pktpath.parse;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The parse engine behind {@link DumpParser}: reads the input in blocks of {@link DumpParser#BLOCK} bytes, cuts each block
 * where a trace starts, parses blocks on a small pool and hands the traces to a sink in input order, on the
 * calling thread. Whole-file and streaming parses both run here, so they give the same traces.
 *
 * <p>What a block cannot know alone, and how it is put right:
 * <ul>
 *   <li>the format: decided once from the first {@link DumpParser#PREFIX} bytes (crash output there
 *       wins over a console log, as it always did for a whole file; crash output that only shows up later
 *       in a huge console log is not looked for);</li>
 *   <li>crash's {@code PANIC:} string, which later traces carry as headline: a block tells which of its
 *       traces came before its own first {@code PANIC:}, and those take the one carried from earlier blocks;</li>
 *   <li>the dump's majority architecture, for traces without evidence of their own: the traces that start
 *       within the prefix vote (in every parse, so all agree), and traces wait until that vote is in;</li>
 *   <li>trace ids (counted here, from 1) and line numbers (each block is told its first line number).</li>
 * </ul>
 * Where blocks are cut: crash output before a task header ({@code PID: ...}), which closes whatever was
 * open; a console log before a report header printed without caller id, and a block parsed from there is
 * kept only when the state the log had at that point could not have changed it
 * ({@link OopsParser#handsOverTo}), else the block is read again on from the state before it. When no
 * such line comes within {@link #MAX_GROWTH} blocks, the block is cut at any line and the next one is read
 * sequentially, on the calling thread, continuing the parser as it was, so memory stays bounded.
 */
final class BlockParse {
    /** How far a block may grow past its size while looking for a place to cut, in blocks. */
    static final int MAX_GROWTH = 4;

    private enum Format { CRASH, CONSOLE }

    /** One cut of the input: its text, the line number of its first line, how it joins its neighbours. */
    private record Block(String text, int firstLine, int lines, boolean continuation, boolean endSafe) {
    }

    /** What a worker made of a block; {@code crash} holds the parser when the block's end is not safe. */
    private record Done(Block block, CrashBtParser.Chunk chunk, CrashBtParser crash, OopsParser console,
                        List<Trace> prebuilt) {
    }

    private final int blockSize;
    private final int threads;
    private final Consumer<Trace> sink;
    private final Runnable progress;

    private InputStream in;
    /** Input bytes (UTF-8) from {@link #start} to {@link #end} not yet cut into blocks. */
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;

    private Format format;
    private int prefixLines;
    private int nextLine = 1;
    private boolean nextIsContinuation;

    private int ids;
    private final List<Diagnostic> outside = new ArrayList<>();
    // crash: what crosses blocks
    private String carriedPanic;
    private CrashBtParser openCrash;
    private final Map<Arch, Integer> votes = new EnumMap<>(Arch.class);
    private Arch majority;
    private final List<CrashBtParser.Piece> held = new ArrayList<>();
    // console: the parser whose state is exact at the end of what was stitched so far
    private OopsParser exact;
    private int rejected;

    BlockParse(int blockSize, int threads, Consumer<Trace> sink, Runnable progress) {
        this.blockSize = Math.max(1, blockSize);
        this.threads = Math.max(1, threads);
        this.sink = sink;
        this.progress = progress;
    }

    /**
     * Parses everything {@code in} holds, handing each trace to the sink. Returns early, with the interrupt
     * flag still set, when the calling thread is interrupted.
     *
     * @return the lines outside any trace
     */
    List<Diagnostic> run(InputStream utf8) throws IOException {
        this.in = utf8;
        // small at first and grown by fill() as the input needs (doubling, up to the prefix and a block):
        // the 4 MiB allocated up front were zeroed and cost a young GC on every start (issue 10)
        this.buf = new byte[Math.min(Math.max(blockSize, DumpParser.PREFIX), 1 << 16) + 8192];
        try {
            detect();
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return List.copyOf(outside);
            }
            throw e;
        }
        ExecutorService pool = null;
        ArrayDeque<Future<Done>> inFlight = new ArrayDeque<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Block b = cut();
                if (b == null) {
                    break;
                }
                if (b.continuation()) {
                    inFlight.add(CompletableFuture.completedFuture(new Done(b, null, null, null, null)));
                } else if (pool == null && eof && start == end && inFlight.isEmpty()) {
                    // the whole input in one block: no thread to start
                    inFlight.add(CompletableFuture.completedFuture(work(b)));
                } else {
                    if (pool == null) {
                        pool = Executors.newFixedThreadPool(threads, r -> {
                            Thread t = new Thread(r, "pktpath-parse");
                            t.setDaemon(true);
                            return t;
                        });
                    }
                    inFlight.add(pool.submit(() -> work(b)));
                }
                // bounded: a block waits for the oldest to be handed out, so memory stays flat
                while (!inFlight.isEmpty() && (inFlight.size() > threads + 1 || inFlight.peek().isDone())) {
                    stitch(take(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty() && !Thread.currentThread().isInterrupted()) {
                stitch(take(inFlight.poll()));
            }
            if (!Thread.currentThread().isInterrupted()) {
                finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw e;
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return List.copyOf(outside);
    }

    private static Done take(Future<Done> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    // ---- reading and cutting (calling thread) ----

    /** Reads the prefix and decides the format from it, as a whole-file parse always did on its lines. */
    private void detect() throws IOException {
        fill(DumpParser.PREFIX);
        int prefixEnd = end == 0 ? 0 : lineAfter(Math.min(DumpParser.PREFIX, end) - 1);
        String prefix = new String(buf, 0, prefixEnd, StandardCharsets.UTF_8);
        prefixLines = countLines(prefix);
        boolean[] crash = {false};
        forEachLine(prefix, (no, text, from, to) -> {
            // one mark is enough: a foreach bt decides on its first line, a console log reads on
            crash[0] = crash[0] || DumpParser.isCrashMark(text, from, to);
        });
        format = crash[0] ? Format.CRASH : Format.CONSOLE;
    }

    /** Reads until {@code buf} holds {@code want} bytes from {@code start} on, or the input ends. */
    private void fill(int want) throws IOException {
        while (!eof && end - start < want) {
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    /** The index after the line terminator of the line that holds {@code at}, or the end of the input. */
    private int lineAfter(int at) throws IOException {
        int i = at;
        while (true) {
            if (i >= end) {
                if (eof) {
                    return end;
                }
                fill(end - start + 8192);
                continue;
            }
            byte c = buf[i];
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                if (i + 1 >= end && !eof) {
                    fill(end - start + 8192);
                    continue;
                }
                return i + 1 < end && buf[i + 1] == '\n' ? i + 2 : i + 1;
            }
            i++;
        }
    }

    /** The next block, or null at the end of the input. */
    private Block cut() throws IOException {
        if (start > 0 && start == end) {
            start = 0;
            end = 0;
        }
        if (start > buf.length / 2) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        fill(blockSize);
        if (start == end) {
            return null;
        }
        int cut;
        boolean safe = true;
        if (eof && end - start <= blockSize) {
            cut = end;
        } else {
            cut = -1;
            int p = lineAfter(start + blockSize - 1);
            int limit = start + blockSize * MAX_GROWTH;
            while (cut < 0) {
                if (p >= end && eof) {
                    cut = end;
                } else if (p - start >= (long) blockSize * MAX_GROWTH || p >= limit) {
                    cut = p;
                    safe = false;
                } else {
                    int next = lineAfter(p);
                    if (startsTrace(p, next)) {
                        cut = p;
                    } else {
                        p = next;
                    }
                }
            }
        }
        // decoding a block of ASCII is one check and one copy into a compact string; a line break byte is
        // never inside a UTF-8 sequence, so a block decodes as it would within the whole text
        String text = new String(buf, start, cut - start, StandardCharsets.UTF_8);
        int lines = countLines(text);
        Block b = new Block(text, nextLine, lines, nextIsContinuation, safe || cut == end && eof);
        nextLine += lines;
        nextIsContinuation = !safe;
        start = cut;
        return b;
    }

    /** Whether the line in {@code buf[from, to)} may start a block parsed afresh. */
    private boolean startsTrace(int from, int to) {
        int e = to;
        while (e > from && (buf[e - 1] == '\n' || buf[e - 1] == '\r')) {
            e--;
        }
        if (format == Format.CRASH) {
            int i = from;
            while (i < e && (buf[i] == ' ' || buf[i] == '\t')) {
                i++;
            }
            if (e - i < 4 || buf[i] != 'P' || buf[i + 1] != 'I' || buf[i + 2] != 'D' || buf[i + 3] != ':') {
                return false;
            }
            return CrashBtParser.isTaskHeader(LineCleaner.cleanStripped(new String(buf, from, e - from, StandardCharsets.UTF_8)));
        }
        return OopsParser.startsReport(LineCleaner.clean(new String(buf, from, e - from, StandardCharsets.UTF_8)));
    }

    /**
     * Lines in {@code text}, as {@link #forEachLine} splits them: with {@link String#indexOf}, much faster
     * than a loop over the characters (this runs on the thread that reads, over every block).
     */
    static int countLines(String text) {
        int n = text.length();
        int lines = 0;
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
            start = i + 1;
        }
        for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
            // a CR ends a line of its own unless an LF follows it (CRLF is one line end, counted above)
            if (cr + 1 >= n || text.charAt(cr + 1) != '\n') {
                lines++;
                start = Math.max(start, cr + 1);
            }
        }
        return start < n ? lines + 1 : lines;
    }

    // ---- parsing (pool) ----

    private Done work(Block b) {
        if (format == Format.CRASH) {
            CrashBtParser p = new CrashBtParser();
            feed(p, b);
            CrashBtParser.Chunk chunk = p.finish(prefixLines, b.endSafe());
            return new Done(b, chunk, b.endSafe() ? null : p, null, null);
        }
        OopsParser p = new OopsParser();
        feed(p, b);
        return new Done(b, null, null, p, p.drainFinal());
    }

    private static void feed(CrashBtParser p, Block b) {
        forEachLine(b.text(), b.firstLine(), p::accept);
    }

    private static void feed(OopsParser p, Block b) {
        // each line read in place in the block (OopsParser copies out only what it keeps)
        forEachLine(b.text(), b.firstLine(), p::accept);
    }

    // ---- stitching (calling thread) ----

    private void stitch(Done d) {
        Block b = d.block();
        if (format == Format.CRASH) {
            CrashBtParser.Chunk chunk = d.chunk();
            CrashBtParser parser = d.crash();
            if (b.continuation()) {
                parser = openCrash;
                feed(parser, b);
                chunk = parser.finish(prefixLines, b.endSafe());
            }
            outside.addAll(chunk.outside());
            chunk.prefixVotes().forEach((a, w) -> votes.merge(a, w, Integer::sum));
            for (CrashBtParser.Piece p : chunk.pieces()) {
                held.add(carriedPanic == null || p.ownPanic() ? p
                        : new CrashBtParser.Piece(withHeadline(p.trace(), carriedPanic), p.ownArch(), true));
            }
            if (b.endSafe()) {
                if (chunk.panicSeen()) {
                    carriedPanic = chunk.lastPanic();
                }
                openCrash = null;
                if (majority == null && b.firstLine() + b.lines() > prefixLines) {
                    majority = CrashBtArch.majority(votes);
                }
            } else {
                openCrash = parser;
            }
            release();
        } else if (b.continuation()) {
            feed(exact, b);
            emit(exact.drainFinal());
        } else if (exact == null) {
            exact = d.console();
            emit(d.prebuilt());
        } else if (exact.handsOverTo(d.console(), b.firstLine())) {
            rejected = 0;
            emit(exact.drainAll());
            outside.addAll(exact.takeOutside());
            d.console().continueFrom(exact);
            exact = d.console();
            emit(d.prebuilt());
        } else {
            rejected++;
            feed(exact, b);
            emit(exact.drainFinal());
        }
        progress.run();
    }

    private void finish() {
        if (format == Format.CRASH) {
            if (majority == null) {
                majority = CrashBtArch.majority(votes);
            }
            release();
        } else if (exact != null) {
            emit(exact.drainAll());
            outside.addAll(exact.takeOutside());
        }
        outside.sort((a, b) -> Integer.compare(a.line(), b.line()));
    }

    /** Hands out the held crash traces once the dump's majority architecture is known. */
    private void release() {
        if (majority == null) {
            return;
        }
        for (CrashBtParser.Piece p : held) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Trace t = p.trace();
            ids++;
            sink.accept(p.ownArch() || majority == t.arch() ? t.withId(ids)
                    : new Trace(ids, t.format(), majority, t.task(), t.headline(), t.ip(), t.frames(), t.exceptions(),
                    t.registers(), t.diagnostics(), t.firstLine(), t.lastLine()));
        }
        held.clear();
    }

    private static Trace withHeadline(Trace t, String headline) {
        return new Trace(t.id(), t.format(), t.arch(), t.task(), headline, t.ip(), t.frames(), t.exceptions(),
                t.registers(), t.diagnostics(), t.firstLine(), t.lastLine());
    }

    private void emit(List<Trace> traces) {
        for (Trace t : traces) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            sink.accept(t.withId(++ids));
        }
    }

    /** Where a line of a block is: its number and its characters {@code text[from, to)}. */
    @FunctionalInterface
    interface LineVisitor {
        void line(int no, String text, int from, int to);
    }

    /** Each line of {@code text}, numbered from {@code firstLine}, split on LF, CRLF or lone CR. */
    static void forEachLine(String text, int firstLine, LineVisitor out) {
        int start = 0;
        int no = firstLine;
        int n = text.length();
        if (text.indexOf('\r') < 0) {
            // LF only, the usual case: String.indexOf is much faster than a loop over charAt
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
                out.line(no++, text, start, i);
                start = i + 1;
            }
            if (start < n) {
                out.line(no, text, start, n);
            }
            return;
        }
        // some CRs (a block of a file with CRLF lines here and there): still indexOf for both, the next CR
        // looked for again only once passed
        int cr = text.indexOf('\r');
        int lf = text.indexOf('\n');
        while (cr >= 0 || lf >= 0) {
            if (cr >= 0 && (lf < 0 || cr < lf)) {
                out.line(no++, text, start, cr);
                start = cr + 1 == lf ? lf + 1 : cr + 1;
            } else {
                out.line(no++, text, start, lf);
                start = lf + 1;
            }
            if (cr >= 0 && cr < start) {
                cr = text.indexOf('\r', start);
            }
            if (lf >= 0 && lf < start) {
                lf = text.indexOf('\n', start);
            }
        }
        if (start < n) {
            out.line(no, text, start, n);
        }
    }

    private static void forEachLine(String text, LineVisitor out) {
        forEachLine(text, 1, out);
    }
}
