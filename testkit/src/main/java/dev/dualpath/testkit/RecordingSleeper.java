package dev.dualpath.testkit;

import dev.dualpath.adapter.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Sleeper} that really waits and records every wait it is asked for, on both the blocking
 * ({@link #sleep}) and the async ({@link #delay}) side. Real waits matter: a scenario that cancels
 * or interrupts a call during its backoff needs a backoff that lasts, and the async path must go
 * through a real timer and its executor hop.
 *
 * <p>A wait may be capped ({@link #capped}): it still sleeps on a real timer, but for at most the
 * cap, while the full requested duration is recorded. The runner caps the waits of scenarios that
 * do not act during a backoff: their expectations check the waits asked for, not how long they
 * lasted, and twelve paths × 14 retrying scenarios of real 0.5–1.5 s backoffs would cost about 100
 * s of pure sleeping per run (the catalogue's retry scenarios use the provider's 0.5 s base
 * backoff, docs/provider.md).
 *
 * <p>The runner reads {@link #drain()} after each call: the waits asked for (in order, a wait cut
 * short counts) and how many ran to the end — each finished wait is followed by one more attempt,
 * which is how the runner counts the attempts of a failed call. Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {

    /**
     * The waits of one call (or of several, if drained after several).
     *
     * @param requested every wait asked for, in order
     * @param completed how many of them ran to their end
     */
    public record Waits(List<Duration> requested, int completed) {
        public Waits {
            requested = List.copyOf(requested);
        }
    }

    private final Duration maxRealWait;
    private final List<Duration> requested = new ArrayList<>();
    private int completed;
    private volatile boolean entered;

    private RecordingSleeper(Duration maxRealWait) {
        this.maxRealWait = maxRealWait;
    }

    /** Records every wait and returns at once: for unit tests that only check what was asked. */
    public static RecordingSleeper instant() {
        return new RecordingSleeper(Duration.ZERO);
    }

    /** Waits exactly as long as asked. */
    public static RecordingSleeper real() {
        return new RecordingSleeper(null);
    }

    /**
     * Waits as long as asked but at most {@code maxRealWait}; records the full request.
     *
     * @throws IllegalArgumentException if {@code maxRealWait} is negative
     */
    public static RecordingSleeper capped(Duration maxRealWait) {
        if (maxRealWait.isNegative()) {
            throw new IllegalArgumentException("maxRealWait must be >= 0, was " + maxRealWait);
        }
        return new RecordingSleeper(maxRealWait);
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
        record(delay);
        // The retry backoff itself: waiting is what is being exercised here.
        TimeUnit.NANOSECONDS.sleep(realWait(delay).toNanos());
        finished();
    }

    @Override
    public CompletableFuture<Void> delay(Duration delay, Executor executor) {
        record(delay);
        // runAsync skips its task once the returned future is cancelled, so a cancelled wait
        // is not counted.
        return CompletableFuture.runAsync(
                this::finished,
                CompletableFuture.delayedExecutor(
                        realWait(delay).toNanos(), TimeUnit.NANOSECONDS, executor));
    }

    private Duration realWait(Duration delay) {
        return maxRealWait != null && delay.compareTo(maxRealWait) > 0 ? maxRealWait : delay;
    }

    /**
     * Whether any wait has begun since this sleeper was made (the trigger {@code BACKOFF_STARTED}).
     */
    public boolean entered() {
        return entered;
    }

    /** The waits recorded since the last drain, and forgets them. */
    public synchronized Waits drain() {
        Waits w = new Waits(requested, completed);
        requested.clear();
        completed = 0;
        return w;
    }

    private synchronized void record(Duration delay) {
        requested.add(delay);
        entered = true;
    }

    private synchronized void finished() {
        completed++;
    }
}
