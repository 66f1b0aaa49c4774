package dev.pktpath.analysis;

import dev.pktpath.analysis.Stage.Direction;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the rx-to-tx packet journey of a trace from what the rules say about each frame.
 *
 * <p>The frames are walked in call order (oldest first, the reverse of print order). Only reliable
 * frames count: a {@code ? } frame is stack residue, not a call. A direction is in force while
 * walking: it starts unknown, a frame whose stage implies a direction ({@code tcp_v4_rcv} is
 * {@code l4-rx}, {@code tcp_transmit_skb} is {@code l4-tx}) sets it, and a frame whose rule names a
 * family ({@code tcp_ack}: {@code l4}) or a two-way stage ({@code socket}, {@code l2},
 * {@code netfilter}) takes it. Where no older frame has set it, the next newer frame that implies a
 * direction decides (a trace that starts in {@code mydrv_poll} calling {@code napi_gro_receive} is
 * receiving), as long as only networking frames lie between; a family with nothing around it
 * defaults to receive, a two-way stage to no direction. A {@code caller} frame ({@code skb_clone}) joins the
 * stage of the reliable frame that called it, or none when that frame has none.
 *
 * <p>The <b>turnaround</b> is the first place where a receive-side frame calls a transmit-side one,
 * counting networking frames only: in the seed {@code tcp_ack} calls {@code tcp_xmit_retransmit_queue}.
 *
 * <p>The <b>crash step</b> shows the crash site (from {@link Naming#crashSite()}):
 * <ul>
 *   <li>when an exception frame names the site ({@code [exception RIP: skb_clone+208]}), the
 *       faulting function is not a frame of its own: the step has an empty frame list and sits where
 *       the exception sits, between the frame below the block (the caller, {@code dev_hard_start_xmit})
 *       and the frame above it (the fault handler, {@code page_fault});</li>
 *   <li>else, when a reliable frame is the site function (a KASAN or WARNING call trace lists it),
 *       that frame moves from its stage into the crash step and its stage reads {@code crash};</li>
 *   <li>else the step has no frames and comes last but for the fault frames (innermost).</li>
 * </ul>
 * Frames of stage {@code fault} (page fault, oops, panic, kdump) form the fault steps. A trace with
 * no networking frame, and a crash site outside networking code, has an empty journey. A step
 * holds consecutive frames of one stage and direction; a reliable frame off the packet's path in
 * between (a notifier, the allocator, an interrupt entry) ends it.
 */
public final class JourneyBuilder {
    private final SubsystemRules rules;

    public JourneyBuilder(SubsystemRules rules) {
        this.rules = rules;
    }

    /**
     * Stages in context, before the crash site is known.
     *
     * @param classes   one per frame, stage resolved (family and {@code caller} turned into a stage)
     * @param direction one per frame: the direction in force there, {@code NONE} when none is known
     * @param counted   which frames take part in the journey (reliable ones, or all when none is)
     */
    public record Resolved(List<FrameClass> classes, List<Direction> direction, boolean[] counted) {
    }

    /** The final classes (the crash frame's stage reads {@code crash}) and the journey. */
    public record Result(List<FrameClass> classes, Journey journey) {
    }

    public Resolved resolve(Trace trace, List<RuleMatch> matches) {
        List<Frame> frames = trace.frames();
        int n = frames.size();
        boolean[] counted = new boolean[n];
        boolean anyReliable = false;
        for (Frame f : frames) {
            anyReliable |= f.reliable();
        }
        for (int i = 0; i < n; i++) {
            counted[i] = !anyReliable || frames.get(i).reliable();
        }
        Stage[] stage = new Stage[n];
        Direction[] dir = new Direction[n];
        Arrays.fill(dir, Direction.NONE);
        Direction current = Direction.NONE;
        Integer previous = null; // the last counted frame, the caller of the next one
        Direction[] ahead = null; // lookAhead's answers, computed once when first needed
        for (int i = n - 1; i >= 0; i--) {
            StageSpec spec = matches.get(i).stage();
            if (!counted[i]) {
                stage[i] = spec.hasStage() ? spec.resolve(current) : null;
                dir[i] = current;
                continue;
            }
            if (spec.inherit()) {
                stage[i] = previous == null ? null : stage[previous];
                dir[i] = previous == null ? Direction.NONE : dir[previous];
            } else if (spec.hasStage()) {
                Direction own = spec.direction();
                if (own != Direction.NONE) {
                    current = own;
                }
                if (current == Direction.NONE && ahead == null) {
                    ahead = lookAhead(matches, counted);
                }
                Direction effective = current != Direction.NONE ? current : i == 0 ? Direction.NONE : ahead[i - 1];
                stage[i] = spec.resolve(effective);
                if (!stage[i].isNetworking()) {
                    dir[i] = Direction.NONE;
                } else if (stage[i].direction() != Direction.NONE) {
                    dir[i] = stage[i].direction();
                } else {
                    dir[i] = effective;
                }
            }
            previous = i;
        }
        List<FrameClass> classes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classes.add(FrameClass.of(matches.get(i).subsystem(), stage[i] == null ? null : stage[i].id()));
        }
        return new Resolved(classes, List.of(dir), counted);
    }

    /**
     * The direction of the nearest newer frame whose rule implies one, looking only through frames
     * that are on the packet's path without a direction of their own (or join their caller's stage):
     * a non-networking frame in between (an interrupt, a lock, the fault handler) ends the search,
     * so a guess never reaches across an unrelated part of the stack. NONE when nothing is found.
     */
    private static Direction[] lookAhead(List<RuleMatch> matches, boolean[] counted) {
        // ahead[j] is the answer of a search that starts at frame j and goes to newer frames (j-1 ...):
        // one pass instead of one search per frame, which was quadratic on a long recursion of
        // networking frames (a 1,000,000-frame trace did not finish in ten minutes)
        Direction[] ahead = new Direction[matches.size()];
        for (int j = 0; j < ahead.length; j++) {
            Direction newer = j == 0 ? Direction.NONE : ahead[j - 1];
            StageSpec s = matches.get(j).stage();
            if (!counted[j] || s.inherit()) {
                ahead[j] = newer;
            } else if (!s.hasStage() || !s.rx().isNetworking()) {
                ahead[j] = Direction.NONE;
            } else if (s.direction() != Direction.NONE) {
                ahead[j] = s.direction();
            } else {
                ahead[j] = newer;
            }
        }
        return ahead;
    }

    public Result build(Trace trace, Resolved resolved, Naming naming) {
        List<Frame> frames = trace.frames();
        int n = frames.size();
        List<FrameClass> classes = new ArrayList<>(resolved.classes());
        Stage[] stage = new Stage[n];
        for (int i = 0; i < n; i++) {
            String id = classes.get(i).stage();
            stage[i] = id == null ? null : Stage.byId(id).orElse(null);
        }
        boolean networking = false;
        for (int i = 0; i < n; i++) {
            networking |= resolved.counted()[i] && stage[i] != null && stage[i].isNetworking();
        }

        // Where a crash step without a frame goes: right before frame crashAfter - 1 in call order,
        // that is just after frame crashAfter (0 = after every frame).
        Location site = naming == null ? null : naming.crashSite();
        Integer crashFrame = null;
        int crashAfter = Integer.MIN_VALUE; // call-order position: crash comes after the frame with this index
        if (site != null && site.function() != null) {
            String fn = normalized(site.function());
            ExceptionFrame exc = null;
            for (ExceptionFrame e : trace.exceptions()) {
                if (e.function() != null && normalized(e.function()).equals(fn) && e.afterFrame() >= 0) {
                    exc = e;
                    break;
                }
            }
            if (exc != null) {
                crashAfter = exc.afterFrame() + 1; // after its caller, the frame printed below the block
            } else {
                for (int i = 0; i < n; i++) {
                    if (resolved.counted()[i] && frames.get(i).normalizedName().equals(fn)
                            && stage[i] != Stage.FAULT) {
                        crashFrame = i;
                        break;
                    }
                }
                crashAfter = crashFrame != null ? crashFrame : oldestFault(stage, resolved.counted()) + 1;
            }
            if (!networking) {
                Stage own = crashFrame != null ? stage[crashFrame] : siteStage(site.function());
                networking = own != null && own.isNetworking();
            }
        }
        if (!networking) {
            return new Result(classes, Journey.EMPTY);
        }
        if (crashFrame != null) {
            classes.set(crashFrame, FrameClass.of(classes.get(crashFrame).subsystem(), Stage.CRASH.id()));
            stage[crashFrame] = Stage.CRASH;
        }

        List<JourneyStep> steps = new ArrayList<>();
        StepCollector collector = new StepCollector(steps);
        Integer previousNet = null;
        Integer turnFrom = null;
        Integer turnTo = null;
        boolean crashPlaced = site == null || site.function() == null;
        for (int i = n - 1; i >= 0; i--) {
            if (!crashPlaced && crashFrame == null && crashAfter > i) {
                collector.crash(null);
                crashPlaced = true;
            }
            if (!resolved.counted()[i]) {
                continue;
            }
            if (stage[i] == null) {
                // The path left the network stack here (a notifier, the allocator, an interrupt):
                // what comes back to the same stage afterwards is a new step.
                collector.flush();
                continue;
            }
            if (stage[i] == Stage.CRASH) {
                collector.crash(i);
                crashPlaced = true;
                continue;
            }
            Direction d = stage[i].isNetworking() ? resolved.direction().get(i) : Direction.NONE;
            collector.add(stage[i], d, i);
            if (stage[i].isNetworking()) {
                if (turnFrom == null && d == Direction.TX && previousNet != null
                        && resolved.direction().get(previousNet) == Direction.RX) {
                    turnFrom = previousNet;
                    turnTo = i;
                }
                previousNet = i;
            }
        }
        if (!crashPlaced) {
            collector.crash(null);
        }
        collector.flush();
        return new Result(classes, new Journey(steps, turnFrom, turnTo, crashFrame));
    }

    /** The index of the oldest fault frame (the crash sits just below the fault handling), else -1. */
    private static int oldestFault(Stage[] stage, boolean[] counted) {
        for (int i = stage.length - 1; i >= 0; i--) {
            if (counted[i] && stage[i] == Stage.FAULT) {
                return i;
            }
        }
        return -1;
    }

    /** The stage the rules give the crash-site function on its own (a family counts as receive). */
    private Stage siteStage(String function) {
        Frame probe = new Frame(0, null, function, null, null, null, null, null, true,
                StackContext.UNKNOWN, null, false, 0, function);
        StageSpec s = rules.match(probe).stage();
        return s.hasStage() ? s.rx() : null;
    }

    /** A name as {@link Frame#normalizedName()} compares it (clone suffixes removed). */
    private static String normalized(String function) {
        return new Frame(0, null, function, null, null, null, null, null, true,
                StackContext.UNKNOWN, null, false, 0, null).normalizedName();
    }

    /** Joins consecutive frames of the same stage and direction into one step. */
    private static final class StepCollector {
        private final List<JourneyStep> steps;
        private Stage stage;
        private Direction direction;
        private final List<Integer> frames = new ArrayList<>();

        StepCollector(List<JourneyStep> steps) {
            this.steps = steps;
        }

        void add(Stage s, Direction d, int index) {
            if (s != stage || d != direction) {
                flush();
                stage = s;
                direction = d;
            }
            frames.add(index);
        }

        void crash(Integer index) {
            flush();
            steps.add(new JourneyStep(Stage.CRASH.id(), Direction.NONE.id(), index == null ? List.of() : List.of(index)));
        }

        void flush() {
            if (stage != null) {
                steps.add(new JourneyStep(stage.id(), direction.id(), frames));
            }
            stage = null;
            direction = null;
            frames.clear();
        }
    }
}
