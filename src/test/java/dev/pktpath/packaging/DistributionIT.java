package dev.pktpath.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution tarball as a user gets it: unpacked into a folder whose path has a space in it,
 * run in place, installed with install.sh into a prefix, run from another directory, through a
 * symlink and by name from PATH. Runs in Maven's integration-test phase (failsafe), after
 * {@code package} has built target/pktpath-tui-VERSION.tar.gz.
 */
class DistributionIT {
    static final String VERSION = System.getProperty("pktpath.version", "unknown");
    static final Path TARBALL = Path.of(System.getProperty("pktpath.tarball", "target/pktpath-tui-" + VERSION + ".tar.gz"));
    static final Map<String, String> NO_OPTS = Map.of("PKTPATH_TUI_JAVA_OPTS", "");

    @TempDir
    static Path tmp;
    static Path unpacked;
    static Path prefix;
    static Processes.Result install;

    @BeforeAll
    static void unpackAndInstall() throws Exception {
        Processes.assumeInstalled("tar");
        assertThat(TARBALL).as("run mvn package first").exists();
        Path into = Files.createDirectories(tmp.resolve("un packed"));
        Processes.Result r = Processes.run(tmp, Map.of(), List.of("tar", "xzf", TARBALL.toAbsolutePath().toString(), "-C", into.toString()));
        assertThat(r.status()).as(r.err()).isZero();
        unpacked = into.resolve("pktpath-tui-" + VERSION);
        prefix = tmp.resolve("my prefix");
        install = Processes.run(tmp, Map.of(), List.of(unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString()), 120);
    }

    @Test
    void tarballHoldsLauncherJarManPageCompletionsReadmeAndLicence() throws Exception {
        for (String f : List.of("bin/pktpath-tui", "install.sh", "lib/pktpath-tui/pktpath-tui.jar",
                "share/man/man1/pktpath-tui.1", "share/bash-completion/completions/pktpath-tui",
                "share/zsh/site-functions/_pktpath-tui", "share/fish/vendor_completions.d/pktpath-tui.fish",
                "README.md", "LICENSE")) {
            assertThat(unpacked.resolve(f)).exists();
        }
        assertThat(Files.getPosixFilePermissions(unpacked.resolve("bin/pktpath-tui"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(unpacked.resolve("install.sh"))).contains(PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(unpacked.resolve("LICENSE"))).startsWith("MIT License")
                .contains("Copyright (c) 2026 the pktpath-tui authors");
        assertThat(unpacked.resolve("share/man/man1/pktpath-tui.1")).hasSameTextualContentAs(Path.of("man/pktpath-tui.1"));
        // the archive is made where the jar will run, not shipped: it would not match another path
        assertThat(unpacked.resolve("lib/pktpath-tui/pktpath-tui.jsa")).doesNotExist();
    }

    @Test
    void runsInPlaceFromAnotherDirectory() throws Exception {
        Processes.Result r = Processes.run(Files.createTempDirectory(tmp, "cwd"), NO_OPTS,
                List.of(unpacked.resolve("bin/pktpath-tui").toString(), "--version"));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("pktpath-tui " + VERSION + "\nJava ");
    }

    @Test
    void installPutsEveryFileUnderThePrefix() {
        assertThat(install.status()).as(install.out() + install.err()).isZero();
        assertThat(install.out()).contains("pktpath-tui installed in " + prefix);
        for (String f : List.of("bin/pktpath-tui", "lib/pktpath-tui/pktpath-tui.jar", "share/man/man1/pktpath-tui.1",
                "share/bash-completion/completions/pktpath-tui", "share/zsh/site-functions/_pktpath-tui",
                "share/fish/vendor_completions.d/pktpath-tui.fish", "share/doc/pktpath-tui/README.md",
                "share/doc/pktpath-tui/LICENSE")) {
            assertThat(prefix.resolve(f)).exists();
        }
    }

    @Test
    void installedLauncherPrintsVersionAndSampleFromAnywhere() throws Exception {
        Path cwd = Files.createTempDirectory(tmp, "cwd");
        Processes.Result v = Processes.run(cwd, NO_OPTS, List.of(prefix.resolve("bin/pktpath-tui").toString(), "--version"));
        assertThat(v.err()).isEmpty();
        assertThat(v.out()).startsWith("pktpath-tui " + VERSION + "\n")
                .contains("Java " + System.getProperty("java.specification.version"));
        Processes.Result p = Processes.run(cwd, NO_OPTS, List.of(prefix.resolve("bin/pktpath-tui").toString(), "print", "--sample"));
        assertThat(p.err()).isEmpty();
        assertThat(p.status()).isZero();
        assertThat(p.out()).contains("exception RIP: skb_clone+208", "bnx2_poll_work");
        assertThat(cwd).isEmptyDirectory();
    }

    @Test
    void worksThroughAbsoluteAndRelativeSymlinksAndFromPath() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("abs"), prefix.resolve("bin/pktpath-tui"));
        Files.createSymbolicLink(links.resolve("rel"), Path.of("../my prefix/bin/pktpath-tui"));
        Files.createSymbolicLink(links.resolve("chain"), Path.of("rel"));
        Path cwd = Files.createTempDirectory(tmp, "cwd");
        for (String link : List.of("abs", "rel", "chain")) {
            Processes.Result r = Processes.run(cwd, NO_OPTS, List.of(links.resolve(link).toString(), "print", "--sample"));
            assertThat(r.status()).as(link + ": " + r.err()).isZero();
            assertThat(r.out()).as(link).contains("skb_clone");
        }
        Processes.Result byName = Processes.run(cwd, Map.of("PATH", links + ":" + System.getenv("PATH"), "PKTPATH_TUI_JAVA_OPTS", ""),
                List.of("sh", "-c", "chain --version"));
        assertThat(byName.status()).as(byName.err()).isZero();
        assertThat(byName.out()).startsWith("pktpath-tui " + VERSION);
    }

    @Test
    void installedLauncherLoadsOurClassesFromTheClassDataArchive() throws Exception {
        // Java 17 cannot use an archive for a jar whose path has a space: install.sh skips it there
        assertThat(prefix.resolve("lib/pktpath-tui/pktpath-tui.jsa")).doesNotExist();
        assertThat(install.err()).contains("no start-up archive: the prefix has a space in its path");
        Path plain = tmp.resolve("plain");
        Processes.Result installed = Processes.run(tmp, Map.of(),
                List.of(unpacked.resolve("install.sh").toString(), "--prefix=" + plain), 120);
        assertThat(installed.status()).as(installed.err()).isZero();
        assertThat(plain.resolve("lib/pktpath-tui/pktpath-tui.jsa")).as(installed.out() + installed.err()).exists();
        Path log = tmp.resolve("class-load.log");
        Processes.Result r = Processes.run(tmp, Map.of("PKTPATH_TUI_JAVA_OPTS", "-Xlog:class+load:file=" + log),
                List.of(plain.resolve("bin/pktpath-tui").toString(), "print", "--sample"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllLines(log)).anyMatch(l -> l.contains("dev.pktpath.cli.Main source: shared objects file"));
        // --no-cds leaves none behind
        Processes.Result none = Processes.run(tmp, Map.of(),
                List.of(unpacked.resolve("install.sh").toString(), "--no-cds", "--prefix", plain.toString()), 120);
        assertThat(none.status()).isZero();
        assertThat(plain.resolve("lib/pktpath-tui/pktpath-tui.jsa")).doesNotExist();
    }

    @Test
    void launcherUsesJavaHomeAndPassesArgumentsThrough() throws Exception {
        Path fakeHome = Files.createDirectories(tmp.resolve("fake jdk/bin"));
        Path java = fakeHome.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n");
        java.toFile().setExecutable(true);
        Processes.Result r = Processes.run(tmp, Map.of("JAVA_HOME", fakeHome.getParent().toString(), "PKTPATH_TUI_JAVA_OPTS", "-Dx=1"),
                List.of(prefix.resolve("bin/pktpath-tui").toString(), "print", "a file with spaces.txt", "--json"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("<-XX:TieredStopAtLevel=1>", "<-Xshare:auto>", "<-Dx=1>",
                "<-jar>\n<" + prefix.toRealPath().resolve("lib/pktpath-tui/pktpath-tui.jar") + ">\n<print>\n<a file with spaces.txt>\n<--json>");

        // a big input gets C2 as well: C1 alone costs 40% more CPU on a 200 MB dump (issue 10)
        Path big = tmp.resolve("big dump.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(17L << 20);
        }
        Processes.Result large = Processes.run(tmp, Map.of("JAVA_HOME", fakeHome.getParent().toString()),
                List.of(prefix.resolve("bin/pktpath-tui").toString(), "cluster", big.toString()));
        assertThat(large.out()).doesNotContain("TieredStopAtLevel").contains("<" + big + ">");
        // ... with C2 inlining less (half the compile time on such a dump) and a bigger young generation
        assertThat(large.out()).contains("<-XX:MaxInlineLevel=5>", "<-Xms112m>\n<-Xmn48m>");
        assertThat(r.out()).doesNotContain("MaxInlineLevel", "Xmn48m");

        // Serial keeps the heap near the live set (issue 10) for an input over 1 MiB, stdin, or the REPL;
        // a short run gets the JVM's default G1, which maps the JDK's archived heap (faster start-up)
        // and grows it in steps of 40% (not 10%: a full collection for each step while the explorer loads)
        String serial = "<-XX:+UseSerialGC>\n<-Xms64m>\n<-XX:MinHeapFreeRatio=40>\n<-XX:MaxHeapFreeRatio=70>";
        assertThat(r.out()).doesNotContain("UseSerialGC", "Xms64m").contains("<-XX:CompileThresholdScaling=2>");
        assertThat(large.out()).contains("<-XX:+UseSerialGC>\n<-Xms112m>\n<-Xmn48m>\n<-XX:MinHeapFreeRatio=40>")
                .doesNotContain("Xms64m");
        Path medium = tmp.resolve("medium dump.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(medium.toFile(), "rw")) {
            f.setLength(2L << 20);
        }
        for (List<String> args : List.of(List.of("print", medium.toString()), List.of("print", "-"), List.of("repl"))) {
            List<String> line = new java.util.ArrayList<>(List.of(prefix.resolve("bin/pktpath-tui").toString()));
            line.addAll(args);
            Processes.Result rr = Processes.run(tmp, Map.of("JAVA_HOME", fakeHome.getParent().toString()), line);
            assertThat(rr.out()).as(String.join(" ", args)).contains(serial, "<-XX:TieredStopAtLevel=1>")
                    .doesNotContain("CompileThresholdScaling", "MaxInlineLevel", "Xmn48m");
        }
        Processes.Result g1 = Processes.run(tmp, Map.of("JAVA_HOME", fakeHome.getParent().toString(),
                "PKTPATH_TUI_JAVA_OPTS", "-XX:+UseG1GC"), List.of(prefix.resolve("bin/pktpath-tui").toString(), "--version"));
        assertThat(g1.out()).contains("<-XX:+UseG1GC>").doesNotContain("UseSerialGC", "Xms64m");
    }

    @Test
    void installGoesOnWithoutAnArchiveWhenJavaCannotWriteOne() throws Exception {
        // a "Java" that runs but writes no archive, like a JVM without AppCDS
        Path fakeHome = Files.createDirectories(tmp.resolve("no-cds jdk/bin"));
        Path java = fakeHome.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        java.toFile().setExecutable(true);
        Path target = tmp.resolve("no-cds");
        Processes.Result r = Processes.run(tmp, Map.of("JAVA_HOME", fakeHome.getParent().toString()),
                List.of(unpacked.resolve("install.sh").toString(), "--prefix", target.toString()), 120);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("this Java cannot write a class-data archive");
        assertThat(target.resolve("bin/pktpath-tui")).exists();
        assertThat(target.resolve("lib/pktpath-tui/pktpath-tui.jsa")).doesNotExist();
    }

    @Test
    void launcherWithoutJavaSaysSoInOneLine() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bare bin"));
        Processes.Result r = Processes.run(tmp, Map.of("PATH", bin.toString(), "JAVA_HOME", ""),
                List.of("/bin/sh", prefix.resolve("bin/pktpath-tui").toString(), "--version"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("pktpath-tui: no Java runtime found: install Java 17 or newer, or set JAVA_HOME\n");
    }

    @Test
    void installRejectsUnknownArguments() throws Exception {
        Processes.Result r = Processes.run(tmp, Map.of(), List.of(unpacked.resolve("install.sh").toString(), "--bogus"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("usage: ");
    }
}
