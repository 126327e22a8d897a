package dev.dualpath.conformance.runner;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Awaits (bounded) that a run's threads have ended and its sockets closed. */
public final class LeakCheck {

    private LeakCheck() {}

    /**
     * Polls {@code clean} every 100 ms until it holds or {@code bound} passes, requesting a garbage
     * collection before each poll: on JDK 17 an {@code HttpClient} cannot be closed, and its
     * selector thread and sockets go away only once the client is collected.
     *
     * @return whether {@code clean} held within the bound
     */
    public static boolean await(BooleanSupplier clean, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            System.gc();
            if (clean.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
