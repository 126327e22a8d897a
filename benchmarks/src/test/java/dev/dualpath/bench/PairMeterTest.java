package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairMeterTest {

    @Test
    void take_givesEachSidesMedianAndTheirRatio_thenStartsAnewWindow() {
        PairMeter.reset();
        for (long us : new long[] {90, 100, 100, 400}) {
            PairMeter.recordPath(us * 1_000);
        }
        for (long us : new long[] {40, 50, 50, 60}) {
            PairMeter.recordFloor(us * 1_000);
        }

        PairMeter.Medians m = PairMeter.take().orElseThrow();

        assertThat(m.pathMicros()).isCloseTo(100.0, within(0.1));
        assertThat(m.floorMicros()).isCloseTo(50.0, within(0.1));
        assertThat(m.ratio()).isCloseTo(2.0, within(0.01));
        assertThat(PairMeter.take()).isEmpty();
    }

    @Test
    void reset_forgetsWhatWasRecorded_andOneSideAloneGivesNothing() {
        PairMeter.recordPath(1_000);
        PairMeter.recordFloor(1_000);
        PairMeter.reset();
        PairMeter.recordPath(2_000);

        assertThat(PairMeter.take()).isEmpty();
    }
}
