package dev.dualpath.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sums of the async path's hops per benchmark JVM, for {@link CallCostProfiler}'s {@code hop.*} and
 * {@code hopShare.*} metrics over an iteration's window. Thread-safe; recording a call costs a few
 * {@link LongAdder#add}s.
 *
 * <p>Each hop is averaged over <em>all</em> calls, a call that skipped it counting 0, so that a
 * path's hops add up to its call time. Why: {@code SHARED_LOOP} takes one of two branches per call
 * (the continuation run by the waiting caller, or handed to the executor when the exchange ended
 * before the caller waited), and a branch's hops averaged only over the calls that took it (56 µs
 * of dispatch in a few calls) read as if every call paid them, and made the hops exceed the call by
 * 60 µs. How often a call took a hop is reported beside it as its share.
 */
public final class HopMeter {

    private static final int N = HandOff.values().length;
    private static final LongAdder[] NANOS = adders();
    private static final LongAdder[] COUNTS = adders();
    private static final LongAdder CALLS = new LongAdder();

    private HopMeter() {}

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[N];
        for (int i = 0; i < N; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** Adds one finished call's hops. */
    static void record(HandOffStamps call) {
        long[] hops = call.hops();
        for (int i = 1; i < N; i++) {
            if (hops[i] != HandOffStamps.UNSET) {
                NANOS[i].add(hops[i]); // may be negative: see HandOffStamps.hops
                COUNTS[i].increment();
            }
        }
        CALLS.increment();
    }

    /** The sums now. */
    static Snapshot now() {
        long[] nanos = new long[N];
        long[] counts = new long[N];
        for (int i = 0; i < N; i++) {
            nanos[i] = NANOS[i].sum();
            counts[i] = COUNTS[i].sum();
        }
        return new Snapshot(nanos, counts, CALLS.sum());
    }

    /**
     * Cumulative sums at one instant.
     *
     * @param nanos per {@link HandOff} slot, the hop's total nanoseconds
     * @param counts per slot, how many calls had the hop
     * @param calls how many calls were recorded
     */
    @SuppressWarnings("ArrayRecordComponent") // private arrays, never handed out or compared
    record Snapshot(long[] nanos, long[] counts, long calls) {

        /**
         * Each hop's mean in microseconds per call between {@code before} and this snapshot (a call
         * without the hop counts 0), keyed by its metric name, in {@link HandOff} order. Reported
         * for every hop some call of this JVM has had, even in a window where none did (then 0), so
         * that averaging iterations does not leave out the ones a branch skipped; nothing when the
         * window recorded no call.
         */
        @SuppressWarnings("EnumOrdinal") // HandOff's order is the call's; its ordinal is the slot
        Map<String, Double> perCallMicrosSince(Snapshot before) {
            Map<String, Double> means = new LinkedHashMap<>();
            long n = calls - before.calls;
            for (HandOff point : HandOff.values()) {
                int i = point.ordinal();
                if (i > 0 && n > 0 && counts[i] > 0) {
                    means.put(point.metric(), (nanos[i] - before.nanos[i]) / 1_000.0 / n);
                }
            }
            return means;
        }

        /**
         * For each hop that some calls of this JVM have had and others have not (a branch), the
         * fraction of the calls between {@code before} and this snapshot that had it (0 to 1, 0 in
         * a window that had none), keyed by {@link HandOff#shareMetric()}; hops every call has had,
         * or none, are left out, and so is everything when the window recorded no call.
         */
        @SuppressWarnings("EnumOrdinal") // as above
        Map<String, Double> sharesSince(Snapshot before) {
            Map<String, Double> shares = new LinkedHashMap<>();
            long n = calls - before.calls;
            for (HandOff point : HandOff.values()) {
                int i = point.ordinal();
                if (i > 0 && n > 0 && counts[i] > 0 && counts[i] < calls) {
                    shares.put(point.shareMetric(), (double) (counts[i] - before.counts[i]) / n);
                }
            }
            return shares;
        }
    }
}
