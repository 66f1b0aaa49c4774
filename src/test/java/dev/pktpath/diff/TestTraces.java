package dev.pktpath.diff;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Traces built directly from function names, for tests about many or long stacks. */
final class TestTraces {
    private TestTraces() {
    }

    static Trace trace(int id, List<String> functions) {
        List<Frame> frames = new ArrayList<>(functions.size());
        for (int i = 0; i < functions.size(); i++) {
            frames.add(new Frame(i, i, functions.get(i), null, null, String.format("ffffffff81%06x", i), null, null,
                    true, StackContext.TASK, null, false, i + 2, functions.get(i)));
        }
        return new Trace(id, TraceFormat.CRASH_BT, Arch.X86_64, new Task((long) id, null, 0, "t" + id), null, null,
                frames, List.of(), Map.of(), List.of(), 1, functions.size() + 1);
    }
}
