package dev.dualpath.bench;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tallies, per benchmark JVM, that let {@link CallCostProfiler} put JVM-wide counts on a per-call
 * basis: how many calls the benchmark issued, and how many bytes its calling threads allocated.
 *
 * <p>Why not JMH's {@code @AuxCounters}: the started-thread count is JVM-wide, and aux counters are
 * per worker thread, summed across threads and iterations; a ratio ("threads per call") cannot
 * survive that aggregation, and no thread knows the others' call counts when its iteration ends. A
 * profiler sees one window per iteration around all worker threads, like {@code -prof gc}'s {@code
 * gc.alloc.rate.norm}. Calls are counted rather than taken from JMH's op count because one
 * benchmark op may be a batch of calls, and because both tallies must cover the same window (JMH's
 * op count leaves out the ops made while threads ramp up and down).
 *
 * <p>Thread-safe; counting costs one {@link LongAdder#add} per op.
 */
public final class CallMeter {

    private static final LongAdder CALLS = new LongAdder();
    private static final LongAdder CALLER_BYTES = new LongAdder();
    private static final LongAdder CALLER_CPU_NANOS = new LongAdder();
    private static final LongAdder CALLER_SWITCHES = new LongAdder();

    private CallMeter() {}

    /** Records that {@code n} calls were issued (n ≥ 0). */
    public static void calls(int n) {
        CALLS.add(n);
    }

    /** Records bytes allocated by a calling thread (see {@link CallerThread}). */
    static void callerBytes(long bytes) {
        CALLER_BYTES.add(bytes);
    }

    /** Records CPU time spent by a calling thread (see {@link CallerThread}). */
    static void callerCpuNanos(long nanos) {
        CALLER_CPU_NANOS.add(nanos);
    }

    /** Records voluntary context switches of a calling thread (see {@link CallerThread}). */
    static void callerSwitches(long switches) {
        CALLER_SWITCHES.add(switches);
    }

    /** The tallies now, with the JVM's count of threads ever started. */
    static Snapshot now() {
        return new Snapshot(
                CALLS.sum(),
                CALLER_BYTES.sum(),
                CALLER_CPU_NANOS.sum(),
                CALLER_SWITCHES.sum(),
                ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
    }

    /**
     * Cumulative tallies at one instant.
     *
     * @param calls calls issued so far
     * @param callerBytes bytes allocated by calling threads so far
     * @param callerCpuNanos CPU time of calling threads so far
     * @param callerSwitches voluntary context switches of calling threads so far
     * @param threadsStarted threads the JVM has started so far (all threads, the stub's included)
     */
    record Snapshot(
            long calls,
            long callerBytes,
            long callerCpuNanos,
            long callerSwitches,
            long threadsStarted) {

        /**
         * What happened between {@code before} and this snapshot, per call.
         *
         * @param operations the benchmark operations in the window, the divisor for a benchmark
         *     whose operation is one call and that does not count its calls (counting costs a
         *     {@link LongAdder#add} per call, too much beside a 1 ns raw call)
         * @return empty when there is neither a call nor an operation to divide by
         */
        Optional<PerCall> since(Snapshot before, long operations) {
            long counted = calls - before.calls;
            long n = counted > 0 ? counted : operations;
            if (n <= 0) {
                return Optional.empty();
            }
            return Optional.of(
                    new PerCall(
                            (double) (threadsStarted - before.threadsStarted) / n,
                            (double) (callerBytes - before.callerBytes) / n,
                            (double) (callerCpuNanos - before.callerCpuNanos) / n,
                            (double) (callerSwitches - before.callerSwitches) / n));
        }
    }

    /**
     * @param threadsStarted JVM-wide threads started per call
     * @param callerBytes bytes allocated on the calling threads per call
     * @param callerCpuNanos CPU time of the calling threads per call, ns
     * @param callerSwitches voluntary context switches of the calling threads per call (it blocked,
     *     waiting for another thread)
     */
    record PerCall(
            double threadsStarted,
            double callerBytes,
            double callerCpuNanos,
            double callerSwitches) {}
}
