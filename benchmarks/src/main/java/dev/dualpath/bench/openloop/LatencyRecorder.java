package dev.dualpath.bench.openloop;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects what the caller threads measure, from any number of threads at once: two HdrHistogram
 * recorders (raw and corrected, in ns, 3 significant digits) for successful measured calls, and
 * counts of everything else. A failed call is counted (by kind), never recorded as a latency and
 * never dropped.
 */
public final class LatencyRecorder {

    /** Digits HdrHistogram keeps: values are exact to 0.1 %. */
    static final int SIGNIFICANT_DIGITS = 3;

    /** The error kind of a call that was never started. */
    public static final String NOT_STARTED = "not started in time";

    private final Recorder raw = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder corrected = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAdder errors = new LongAdder();
    private final LongAdder warmupErrors = new LongAdder();
    private final LongAdder notStarted = new LongAdder();
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    /**
     * Records one successful measured call.
     *
     * @param intendedNanos when the schedule meant the call to start
     * @param startNanos when a caller thread actually started it
     * @param endNanos when it returned
     * @throws IllegalArgumentException if the times are out of order
     */
    public void recordSuccess(long intendedNanos, long startNanos, long endNanos) {
        if (startNanos - intendedNanos < 0 || endNanos - startNanos < 0) {
            throw new IllegalArgumentException(
                    "times out of order: intended "
                            + intendedNanos
                            + ", start "
                            + startNanos
                            + ", end "
                            + endNanos);
        }
        raw.recordValue(endNanos - startNanos);
        corrected.recordValue(endNanos - intendedNanos);
    }

    /**
     * Counts one failed call under its kind ({@link ErrorKind#of}).
     *
     * @param warmup whether the call belonged to the warm-up (counted apart, still reported)
     */
    public void recordError(Throwable error, boolean warmup) {
        (warmup ? warmupErrors : errors).increment();
        errorKinds.computeIfAbsent(ErrorKind.of(error), k -> new LongAdder()).increment();
    }

    /**
     * Counts one call that was not made because no caller could start it within the late limit
     * (kind {@value #NOT_STARTED}).
     *
     * @param warmup whether the call belonged to the warm-up (then it counts as a warm-up error)
     */
    public void recordNotStarted(boolean warmup) {
        (warmup ? warmupErrors : notStarted).increment();
        errorKinds.computeIfAbsent(NOT_STARTED, k -> new LongAdder()).increment();
    }

    /** Everything recorded so far; call once the callers have stopped. */
    public Snapshot snapshot() {
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.sum()));
        return new Snapshot(
                raw.getIntervalHistogram(),
                corrected.getIntervalHistogram(),
                errors.sum(),
                warmupErrors.sum(),
                notStarted.sum(),
                Map.copyOf(kinds));
    }

    /**
     * What a recorder has seen so far.
     *
     * @param raw successful measured calls, from actual start to end, in ns
     * @param corrected the same calls from intended start to end, in ns
     * @param errors measured calls that failed
     * @param warmupErrors warm-up calls that failed or were not started
     * @param notStarted measured calls not made because they could not start in time
     * @param errorKinds every call that did not succeed (both phases) by kind; sums to the three
     *     counts
     */
    public record Snapshot(
            Histogram raw,
            Histogram corrected,
            long errors,
            long warmupErrors,
            long notStarted,
            Map<String, Long> errorKinds) {}
}
