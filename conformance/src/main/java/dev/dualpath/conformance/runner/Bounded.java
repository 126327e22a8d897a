package dev.dualpath.conformance.runner;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits for the runner: nothing it waits for may hang the build. */
final class Bounded {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Bounded() {}

    /**
     * Polls {@code condition} (every millisecond) until it holds or {@code bound} has passed.
     *
     * @return whether it held in time; false at once if the caller is interrupted (flag kept)
     */
    static boolean await(BooleanSupplier condition, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /**
     * Waits {@code delay} (a scenario's {@code afterMs}); returns early, flag kept, if interrupted.
     */
    static void pause(Duration delay) {
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The time left until {@code deadlineNanos} ({@link System#nanoTime()} based), never negative.
     */
    static long remainingNanos(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }
}
