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
    void meter_averagesEveryHopOverAllCalls_soTheHopsAddUpToTheCall() {
        // Four calls of 100 µs each: all submit (10) and exchange (80); one of them handed its
        // continuation to the executor (dispatch 40, wake 10 → that call took 140 µs), the other
        // three were run by the waiting caller (wake 10).
        long[] nanos = new long[HandOff.values().length];
        long[] counts = new long[HandOff.values().length];
        add(nanos, counts, HandOff.SUBMITTED, 4, 4 * 10_000);
        add(nanos, counts, HandOff.EXCHANGED, 4, 4 * 80_000);
        add(nanos, counts, HandOff.CONTINUED, 1, 40_000);
        add(nanos, counts, HandOff.RETURNED, 4, 4 * 10_000);
        HopMeter.Snapshot before =
                new HopMeter.Snapshot(
                        new long[nanos.length], new long[counts.length], /* calls= */ 0);
        HopMeter.Snapshot after = new HopMeter.Snapshot(nanos, counts, 4);

        Map<String, Double> perCall = after.perCallMicrosSince(before);

        assertThat(perCall.keySet())
                .containsExactly("hop.submit", "hop.exchange", "hop.dispatch", "hop.wake");
        assertThat(perCall.get("hop.dispatch")).isCloseTo(10.0, within(1e-9));
        double sum = perCall.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo((3 * 100 + 140) / 4.0, within(1e-9));
        assertThat(after.sharesSince(before)).containsExactly(Map.entry("hopShare.dispatch", 0.25));
    }

    @Test
    void aBranchSkippedInAWindow_stillReadsZero_soIterationsAverageFairly() {
        long[] nanos = new long[HandOff.values().length];
        long[] counts = new long[HandOff.values().length];
        add(nanos, counts, HandOff.SUBMITTED, 4, 40_000);
        add(nanos, counts, HandOff.CONTINUED, 1, 40_000);
        HopMeter.Snapshot before = new HopMeter.Snapshot(nanos.clone(), counts.clone(), 4);
        // Two more calls, neither through the executor.
        add(nanos, counts, HandOff.SUBMITTED, 2, 20_000);
        HopMeter.Snapshot after = new HopMeter.Snapshot(nanos, counts, 6);

        assertThat(after.perCallMicrosSince(before))
                .containsEntry("hop.dispatch", 0.0)
                .containsEntry("hop.submit", 10.0);
        assertThat(after.sharesSince(before)).containsExactly(Map.entry("hopShare.dispatch", 0.0));
        assertThat(after.perCallMicrosSince(after)).isEmpty();
    }

    private static void add(long[] nanos, long[] counts, HandOff hop, long calls, long total) {
        nanos[hop.ordinal()] += total;
        counts[hop.ordinal()] += calls;
    }
}
