package dev.dualpath.conformance.runner;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Awaits (bounded) that a run's threads have ended and its sockets closed. */
public final class LeakCheck {

    private LeakCheck() {}

    /**
     * Polls {@code clean} every 10 ms until it holds or {@code bound} passes. Never asks for a
     * garbage collection: a client must end its threads and close its sockets when it is closed,
     * not when it happens to be collected.
     *
     * @return whether {@code clean} held within the bound
     */
    public static boolean await(BooleanSupplier clean, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (clean.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
