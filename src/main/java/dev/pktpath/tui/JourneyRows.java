package dev.pktpath.tui;

import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.TraceAnalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The journey pane's rows for one trace: one per stage, oldest call first, with a turnaround row
 * where a received packet turned into a transmit. Also maps each frame to its stage, so choosing
 * a frame shows its stage and choosing a stage selects its frames.
 */
final class JourneyRows {
    /** A row: a step (step >= 0) or the turnaround marker (step == -1). */
    record Row(int step) {
        boolean isTurnaround() {
            return step < 0;
        }
    }

    final Journey journey;
    final List<Row> rows;
    private final int[] stepOfFrame;
    private final int[] rowOfStep;

    JourneyRows(TraceAnalysis a) {
        this.journey = a.journey() == null ? Journey.EMPTY : a.journey();
        int n = a.trace().frames().size();
        stepOfFrame = new int[n];
        Arrays.fill(stepOfFrame, -1);
        List<Row> r = new ArrayList<>();
        List<JourneyStep> steps = journey.steps();
        for (int s = 0; s < steps.size(); s++) {
            r.add(new Row(s));
            for (int f : steps.get(s).frames()) {
                if (f >= 0 && f < n) {
                    stepOfFrame[f] = s;
                }
            }
            if (journey.turnaroundFrom() != null && steps.get(s).frames().contains(journey.turnaroundFrom())) {
                r.add(new Row(-1));
            }
        }
        // The crash stage may list no frames of its own: it then stands for the crash frame.
        for (int s = 0; s < steps.size(); s++) {
            if ("crash".equals(steps.get(s).stage()) && steps.get(s).frames().isEmpty()
                    && journey.crashFrame() != null && journey.crashFrame() < n && stepOfFrame[journey.crashFrame()] < 0) {
                stepOfFrame[journey.crashFrame()] = s;
            }
        }
        this.rows = List.copyOf(r);
        // which row shows each step, looked up on every redraw: a deep trace can have thousands of steps
        rowOfStep = new int[steps.size()];
        Arrays.fill(rowOfStep, -1);
        for (int i = this.rows.size() - 1; i >= 0; i--) {
            if (this.rows.get(i).step() >= 0) {
                rowOfStep[this.rows.get(i).step()] = i;
            }
        }
    }

    boolean isEmpty() {
        return journey.steps().isEmpty();
    }

    JourneyStep step(int s) {
        return journey.steps().get(s);
    }

    int stepCount() {
        return journey.steps().size();
    }

    /** The step holding frame {@code index}, or -1. */
    int stepOf(int index) {
        return index >= 0 && index < stepOfFrame.length ? stepOfFrame[index] : -1;
    }

    int rowOfStep(int s) {
        return s >= 0 && s < rowOfStep.length ? rowOfStep[s] : -1;
    }

    /** The frame to select when a step is chosen: its oldest call, or the crash frame for a frameless crash stage. */
    int frameFor(int s) {
        JourneyStep st = step(s);
        if (!st.frames().isEmpty()) {
            return st.frames().get(0);
        }
        return journey.crashFrame() == null ? -1 : journey.crashFrame();
    }
}
