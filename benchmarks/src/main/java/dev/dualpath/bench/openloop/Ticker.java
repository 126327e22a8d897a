package dev.dualpath.bench.openloop;

import java.util.concurrent.locks.LockSupport;

/** The time source of the open-loop driver; a fake one lets tests replay a schedule exactly. */
public interface Ticker {

    /** The monotonic clock, in ns, like {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * Returns once {@link #nanoTime()} has reached {@code deadlineNanos}; at once if it already
     * has.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    /** {@link System#nanoTime()}, waiting with {@link LockSupport#parkNanos(long)}. */
    Ticker SYSTEM =
            new Ticker() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void sleepUntil(long deadlineNanos) throws InterruptedException {
                    for (long left = deadlineNanos - System.nanoTime();
                            left > 0;
                            left = deadlineNanos - System.nanoTime()) {
                        LockSupport.parkNanos(left);
                        if (Thread.interrupted()) {
                            throw new InterruptedException(
                                    "interrupted while waiting for the next intended start");
                        }
                    }
                }
            };
}
