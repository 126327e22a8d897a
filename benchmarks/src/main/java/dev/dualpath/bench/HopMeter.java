package dev.dualpath.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sums of the async path's hops per benchmark JVM, for {@link CallCostProfiler}'s {@code hop.*}
 * metrics: each hop's mean over the calls that had it, in an iteration's window. Thread-safe;
 * recording a call costs a few {@link LongAdder#add}s.
 */
public final class HopMeter {

    private static final int N = HandOff.values().length;
    private static final LongAdder[] NANOS = adders();
    private static final LongAdder[] COUNTS = adders();

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
    }

    /** The sums now. */
    static Snapshot now() {
        long[] nanos = new long[N];
        long[] counts = new long[N];
        for (int i = 0; i < N; i++) {
            nanos[i] = NANOS[i].sum();
            counts[i] = COUNTS[i].sum();
        }
        return new Snapshot(nanos, counts);
    }

    /** Cumulative sums at one instant. */
    @SuppressWarnings("ArrayRecordComponent") // private arrays, never handed out or compared
    record Snapshot(long[] nanos, long[] counts) {

        /**
         * Each hop's mean in microseconds between {@code before} and this snapshot, keyed by its
         * metric name, in {@link HandOff} order; hops no call had are left out.
         */
        @SuppressWarnings("EnumOrdinal") // HandOff's order is the call's; its ordinal is the slot
        Map<String, Double> meanMicrosSince(Snapshot before) {
            Map<String, Double> means = new LinkedHashMap<>();
            for (HandOff point : HandOff.values()) {
                int i = point.ordinal();
                long n = counts[i] - before.counts[i];
                if (i > 0 && n > 0) {
                    means.put(point.metric(), (nanos[i] - before.nanos[i]) / 1_000.0 / n);
                }
            }
            return means;
        }
    }
}
