package dev.dualpath.adapter.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How a retry waits: blocking on the sync path, as a delayed future on the async path. One
 * interface for both so a test can record (or skip) every backoff of every path alike.
 */
public interface Sleeper {

    /**
     * Blocks the caller for {@code delay}.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void sleep(Duration delay) throws InterruptedException;

    /** A future that completes after {@code delay}; cancelling it abandons the wait. */
    CompletableFuture<Void> delay(Duration delay, Executor executor);

    /** Real time: {@link Thread#sleep} and {@link CompletableFuture#delayedExecutor}. */
    Sleeper REAL =
            new Sleeper() {
                @Override
                public void sleep(Duration delay) throws InterruptedException {
                    // The backoff itself: here the wait is the point, it synchronises nothing.
                    TimeUnit.NANOSECONDS.sleep(delay.toNanos());
                }

                @Override
                public CompletableFuture<Void> delay(Duration delay, Executor executor) {
                    return CompletableFuture.runAsync(
                            () -> {},
                            CompletableFuture.delayedExecutor(
                                    delay.toNanos(), TimeUnit.NANOSECONDS, executor));
                }
            };
}
