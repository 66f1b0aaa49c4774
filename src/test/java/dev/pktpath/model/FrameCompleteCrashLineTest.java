package dev.pktpath.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Frame#ofCompleteCrashLine} builds in one step the frame that {@link Frame#ofCrashLine} then
 * {@link Frame#withShared} give: the crash parser builds each usual frame once, when its trace ends.
 * Frame lines are crash's {@code bt} format, written by hand
 * ({@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e [bnx2]}).
 */
class FrameCompleteCrashLineTest {

    @Test
    void theSameFrameAsBuiltThenCopied() {
        List<String> words = List.of("ffff880028203518: 0000000000000002 ffffffff81421d2e",
                "ffff880028203528: ffff88003a13c000 0000000000000000");
        List<List<String>> data = new ArrayList<>();
        data.add(null);
        data.add(List.of());
        data.add(words);
        data.add(List.of(words.get(0)));
        List<StackContext> contexts = new ArrayList<>(List.of(StackContext.values()));
        contexts.add(null);
        for (StackContext context : contexts) {
            for (String source : new String[] {null, "/usr/src/linux/net/core/dev.c:3042"}) {
                for (List<String> stack : data) {
                    for (String module : new String[] {null, "bnx2"}) {
                        for (long sp : new long[] {-1, 0xffff880028203518L, 0x28203518L}) {
                            int spDigits = sp < 0 ? 0 : sp > 0xffffffffL ? 16 : 8;
                            Frame built = Frame.ofCompleteCrashLine(9, 9, "dev_hard_start_xmit", 0xffffffff81421d2eL, 16,
                                    Math.max(sp, 0), spDigits, module, 12, context, source, stack);
                            Frame copied = Frame.ofCrashLine(9, 9, "dev_hard_start_xmit", Frame.NONE, Frame.NONE,
                                    0xffffffff81421d2eL, 16, Math.max(sp, 0), spDigits, module, 12, null, true)
                                    .withShared(context, source, stack);
                            assertThat(built).isEqualTo(copied).hasSameHashCodeAs(copied);
                            assertThat(built.toString()).isEqualTo(copied.toString());
                            assertThat(built.raw()).isEqualTo((spDigits == 0 ? "#9 " : "#9 [" + built.stackAddress() + "] ")
                                    + "dev_hard_start_xmit at ffffffff81421d2e" + (module == null ? "" : " [bnx2]"));
                            assertThat(built.context()).isEqualTo(context);
                            assertThat(built.source()).isEqualTo(source);
                            assertThat(built.stackData()).isEqualTo(stack == null ? List.of() : stack);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aUsualLineHasAnAddress() {
        assertThatThrownBy(() -> Frame.ofCompleteCrashLine(0, 0, "f", 0, 0, 0, 0, null, 1, StackContext.TASK, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.ofCompleteCrashLine(0, 0, "f", 0x100, 2, 0, 0, null, 1, StackContext.TASK, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
