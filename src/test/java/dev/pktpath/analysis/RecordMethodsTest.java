package dev.pktpath.analysis;

import dev.pktpath.model.Location;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.lang.reflect.RecordComponent;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records whose equals and hashCode are written out (to keep their invokedynamic bootstrap off the
 * start-up path) must give what the record's own would: equal exactly when every component is equal,
 * and the hash of the components in order, {@code 31 * h + hash(next)} from 0. Read through the
 * record's components, so a component added later and left out of the written methods fails here.
 * Values come from small alphabets, so that equal but distinct instances are common.
 */
class RecordMethodsTest {
    @Provide
    Arbitrary<Record> records() {
        Arbitrary<String> s = Arbitraries.of("a", "b", null);
        Arbitrary<Long> l = Arbitraries.of(1L, 2L, null);
        Arbitrary<Integer> i = Arbitraries.of(0, 1, null);
        Arbitrary<Location> location = Combinators.combine(s, l, l).as(Location::new);
        Arbitrary<JourneyStep> step = Combinators.combine(s, s, Arbitraries.of(0, 1).list().ofMaxSize(2)).as(JourneyStep::new);
        Arbitrary<Journey> journey = Combinators.combine(step.list().ofMaxSize(2), i, i, i).as(Journey::new);
        Arbitrary<Naming> naming = Combinators.combine(s, s, s, Arbitraries.oneOf(location, Arbitraries.just(null)))
                .as(Naming::new);
        Arbitrary<FrameClass> frameClass = Combinators.combine(s, s).as(FrameClass::new);
        return Arbitraries.oneOf(location, step, journey, naming, frameClass);
    }

    @Property(tries = 3000)
    void equalsAndHashCodeAreTheRecordsOwn(@ForAll("records") Record a, @ForAll("records") Record b) throws Exception {
        assertThat(a.hashCode()).as("hash of %s", a).isEqualTo(componentHash(a));
        assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(sameComponents(a, b));
        assertThat(a.equals(copy(a))).isTrue();
        assertThat(a.equals(null)).isFalse();
    }

    private static int componentHash(Record r) throws Exception {
        int h = 0;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            h = 31 * h + Objects.hashCode(c.getAccessor().invoke(r));
        }
        return h;
    }

    private static boolean sameComponents(Record a, Record b) throws Exception {
        if (a.getClass() != b.getClass()) {
            return false;
        }
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                return false;
            }
        }
        return true;
    }

    /** A distinct instance with the same components, through the canonical constructor. */
    private static Record copy(Record r) throws Exception {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] values = new Object[cs.length];
        for (int k = 0; k < cs.length; k++) {
            types[k] = cs[k].getType();
            values[k] = cs[k].getAccessor().invoke(r);
        }
        return (Record) r.getClass().getDeclaredConstructor(types).newInstance(values);
    }
}
