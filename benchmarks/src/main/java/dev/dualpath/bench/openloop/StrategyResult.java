package dev.dualpath.bench.openloop;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one strategy's open-loop run produced: one entry of {@code openloop.json}.
 *
 * @param strategy the {@code BenchPath} name
 * @param status OK, ERRORS (ran, but some calls failed or were not made) or FAILED (no measurement)
 * @param failure why the strategy FAILED (its setup check, a crash, a timeout), else null
 * @param settings rate, duration, transport and delay it ran with
 * @param scheduled measured calls scheduled
 * @param count measured calls that succeeded: the values in both histograms
 * @param errors measured calls that failed
 * @param notStarted measured calls not made: no caller could start them within the late limit
 * @param unfinished calls still running when the run's bound expired
 * @param warmupErrors warm-up calls that failed or were not made
 * @param errorKinds every call that did not succeed, by kind
 * @param peakInFlight most calls running at once (equal to {@code settings.callers()}: the pool was
 *     saturated)
 * @param jvm the JVM that ran it, or null if it never reported
 * @param raw latency from actual start, µs; null when count is 0
 * @param corrected latency from intended start, µs; null when count is 0
 * @param rawHgrm the raw {@code .hgrm} file relative to the output folder, or null if not written
 * @param correctedHgrm the corrected {@code .hgrm} file relative to the output folder, or null if
 *     not written
 */
public record StrategyResult(
        String strategy,
        Status status,
        String failure,
        OpenLoopSettings settings,
        long scheduled,
        long count,
        long errors,
        long notStarted,
        long unfinished,
        long warmupErrors,
        Map<String, Long> errorKinds,
        int peakInFlight,
        JvmInfo jvm,
        Percentiles raw,
        Percentiles corrected,
        String rawHgrm,
        String correctedHgrm) {

    /** How a strategy's run ended. */
    public enum Status {
        /** Every scheduled call succeeded. */
        OK,
        /** Measured, but some calls failed, were not made, or did not finish: read the counts. */
        ERRORS,
        /** Nothing measured: its setup check failed, or its JVM crashed or timed out. */
        FAILED
    }

    /** Keeps the error kinds sorted, so that the output is stable. */
    public StrategyResult {
        errorKinds =
                errorKinds == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new TreeMap<>(errorKinds));
    }

    /** A strategy that measured nothing, with the reason. */
    public static StrategyResult failed(
            String strategy, OpenLoopSettings settings, String failure, JvmInfo jvm) {
        return new StrategyResult(
                strategy,
                Status.FAILED,
                failure,
                settings,
                0,
                0,
                0,
                0,
                0,
                0,
                Map.of(),
                0,
                jvm,
                null,
                null,
                null,
                null);
    }

    /** OK when every call succeeded, else ERRORS. */
    static Status statusOf(long errors, long notStarted, long unfinished, long warmupErrors) {
        return errors + notStarted + unfinished + warmupErrors == 0 ? Status.OK : Status.ERRORS;
    }
}
