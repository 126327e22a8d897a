package dev.dualpath.bench.openloop;

import java.time.Duration;

/**
 * A fixed arrival rate: call {@code i} is intended to start {@code i / rate} seconds after the
 * schedule starts, whatever happened to the calls before it. The first {@link #warmupCalls()} calls
 * warm up and are not recorded; the next {@link #measuredCalls()} are.
 *
 * <p>Offsets are computed from the index, not accumulated, so the schedule does not drift.
 *
 * @param ratePerSecond calls per second; positive
 * @param warmup scheduled before the measured window; not negative
 * @param duration the measured window; positive
 */
public record ArrivalSchedule(int ratePerSecond, Duration warmup, Duration duration) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * @throws IllegalArgumentException naming the field, on a value out of range
     */
    public ArrivalSchedule {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException(
                    "ratePerSecond must be positive, was " + ratePerSecond);
        }
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
    }

    /** Calls that start within the warm-up: {@code floor(rate × warmup)}. */
    public long warmupCalls() {
        return ratePerSecond * warmup.toNanos() / NANOS_PER_SECOND;
    }

    /** Calls that start within the measured window: {@code floor(rate × duration)}. */
    public long measuredCalls() {
        return ratePerSecond * duration.toNanos() / NANOS_PER_SECOND;
    }

    /** Every scheduled call, warm-up included. */
    public long totalCalls() {
        return warmupCalls() + measuredCalls();
    }

    /** Whether call {@code index} belongs to the warm-up. */
    public boolean warmupCall(long index) {
        return index < warmupCalls();
    }

    /** Nanoseconds from the schedule's start to call {@code index}'s intended start. */
    public long offsetNanos(long index) {
        return index * NANOS_PER_SECOND / ratePerSecond;
    }

    /** The nominal gap between two intended starts, in ns (rounded down). */
    public long intervalNanos() {
        return NANOS_PER_SECOND / ratePerSecond;
    }
}
