package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HopMeterTest {

    @Test
    void stamps_giveConsecutiveHops_onlyForThePointsStamped() throws InterruptedException {
        HandOffStamps s = new HandOffStamps();
        s.mark(HandOff.SUBMITTED);
        Thread.sleep(2);
        s.mark(HandOff.EXCHANGED);
        s.mark(HandOff.RETURNED);

        long[] hops = s.hops();
        assertThat(hops[HandOff.SUBMITTED.ordinal()]).isNotNegative();
        assertThat(hops[HandOff.EXCHANGED.ordinal()]).isGreaterThanOrEqualTo(2_000_000L);
        assertThat(hops[HandOff.CONTINUED.ordinal()]).isEqualTo(HandOffStamps.UNSET);
        assertThat(hops[HandOff.CREATED.ordinal()]).isEqualTo(HandOffStamps.UNSET);
    }

    @Test
    void meter_averagesEachHopOverTheCallsThatHadIt_inCallOrder() {
        HopMeter.Snapshot before = HopMeter.now();
        HopMeter.Snapshot after =
                new HopMeter.Snapshot(
                        plus(before.nanos(), 3_000, 9_000), plus(before.counts(), 1, 3));

        Map<String, Double> means = after.meanMicrosSince(before);

        assertThat(means.keySet()).containsExactly("hop.submit", "hop.exchange");
        assertThat(means.get("hop.submit")).isCloseTo(3.0, within(1e-9));
        assertThat(means.get("hop.exchange")).isCloseTo(3.0, within(1e-9));
    }

    /** {@code base} with {@code submit} added at SUBMITTED and {@code exchange} at EXCHANGED. */
    private static long[] plus(long[] base, long submit, long exchange) {
        long[] out = base.clone();
        out[HandOff.SUBMITTED.ordinal()] += submit;
        out[HandOff.EXCHANGED.ordinal()] += exchange;
        return out;
    }
}
