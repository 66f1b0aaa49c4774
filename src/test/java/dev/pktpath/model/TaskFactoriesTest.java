package dev.pktpath.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The unboxed factories make the task the record-style constructor makes from the same values. */
class TaskFactoriesTest {
    @Property(tries = 500)
    void withoutAddressIsTheConstructorWithNoAddress(@ForAll @LongRange(min = -1, max = 5_000_000) long pid,
                                                     @ForAll @IntRange(min = -1, max = 8192) int cpu,
                                                     @ForAll boolean hasCommand) {
        String command = hasCommand ? Names.intern("kworker/" + cpu) : null;
        Task t = Task.withoutAddress(pid, cpu, command);
        assertThat(t).isEqualTo(new Task(pid < 0 ? null : pid, null, cpu < 0 ? null : cpu, command));
        assertThat(t.task()).isNull();
        assertThat(t.pid()).isEqualTo(pid < 0 ? null : pid);
        assertThat(t.cpu()).isEqualTo(cpu < 0 ? null : cpu);
        assertThat(t.command()).isSameAs(command);
    }

    @Property(tries = 500)
    void ofIsTheConstructorWithTheAddressItsDigitsSpell(@ForAll @LongRange(min = 0, max = 5_000_000) long pid,
                                                        @ForAll long address, @ForAll @IntRange(min = 0, max = 64) int cpu) {
        String hex = String.format("%016x", address);
        Task t = Task.of(pid, address, 16, cpu, Names.intern("swapper/" + cpu));
        assertThat(t).isEqualTo(new Task(pid, hex, cpu, "swapper/" + cpu));
        assertThat(t.task()).isEqualTo(hex);
    }
}
