package dev.dualpath.bench.openloop;

import dev.dualpath.adapter.transport.TransportKind;
import java.time.Duration;

/**
 * What one open-loop run does, the same for every strategy it measures.
 *
 * @param transport the HTTP client under every strategy
 * @param delayMs latency the fake provider injects before answering, in ms; {@code >= 0}
 * @param ratePerSecond fixed arrival rate, calls per second; 1 to {@value #MAX_RATE}
 * @param warmupMs calls scheduled before the measured window, in ms, made but not recorded; {@code
 *     >= 0}
 * @param durationMs the measured window, in ms; positive
 * @param callers caller threads (a fixed pool, so threads are bounded); 1 to {@value #MAX_CALLERS}.
 *     Should exceed the expected concurrency, rate × latency, so the pool is not the bottleneck;
 *     see {@link #defaultCallers}
 */
public record OpenLoopSettings(
        TransportKind transport,
        int delayMs,
        int ratePerSecond,
        long warmupMs,
        long durationMs,
        int callers) {

    /** Highest accepted arrival rate, calls per second. */
    public static final int MAX_RATE = 100_000;

    /** Most caller threads one run may start. */
    public static final int MAX_CALLERS = 1024;

    /**
     * How long a call may stay in flight beyond the injected delay before the transport gives up.
     */
    static final Duration CALL_MARGIN = Duration.ofSeconds(10);

    /**
     * @throws IllegalArgumentException naming the field, on a value out of range
     */
    public OpenLoopSettings {
        if (transport == null) {
            throw new IllegalArgumentException("transport must not be null");
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must be >= 0, was " + delayMs);
        }
        if (ratePerSecond < 1 || ratePerSecond > MAX_RATE) {
            throw new IllegalArgumentException(
                    "ratePerSecond must be 1.." + MAX_RATE + ", was " + ratePerSecond);
        }
        if (warmupMs < 0) {
            throw new IllegalArgumentException("warmupMs must be >= 0, was " + warmupMs);
        }
        if (durationMs <= 0) {
            throw new IllegalArgumentException("durationMs must be positive, was " + durationMs);
        }
        if (callers < 1 || callers > MAX_CALLERS) {
            throw new IllegalArgumentException(
                    "callers must be 1.." + MAX_CALLERS + ", was " + callers);
        }
    }

    /**
     * Four times the expected concurrency (rate × (delay + 5 ms)) plus 4, between 16 and 512:
     * enough that a few slow calls do not starve the schedule, bounded so a long delay cannot start
     * thousands of threads.
     */
    public static int defaultCallers(int ratePerSecond, int delayMs) {
        double concurrency = ratePerSecond * (delayMs + 5) / 1000.0;
        return (int) Math.max(16, Math.min(512, Math.ceil(4 * concurrency) + 4));
    }

    /** The schedule these settings describe. */
    public ArrivalSchedule schedule() {
        return new ArrivalSchedule(
                ratePerSecond, Duration.ofMillis(warmupMs), Duration.ofMillis(durationMs));
    }

    /**
     * Time one call may take before the transport fails it: the injected delay plus {@link
     * #CALL_MARGIN}.
     */
    public Duration callTimeout() {
        return Duration.ofMillis(delayMs).plus(CALL_MARGIN);
    }

    /**
     * How late a call may start, after its intended time, before it is not made at all (counted as
     * not started): an overloaded strategy must not run for ever behind its schedule.
     */
    public Duration lateLimit() {
        return callTimeout();
    }

    /** Upper bound on one strategy's whole run once set up: the schedule, then stragglers. */
    public Duration runBound() {
        return Duration.ofMillis(warmupMs + durationMs).plus(lateLimit()).plus(callTimeout());
    }
}
