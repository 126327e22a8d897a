package dev.dualpath.bench;

import dev.dualpath.adapter.compat.Await;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * A fixed number of async calls kept in flight by one thread: the thread takes each call as it
 * completes, in the order calls complete, and starts its replacement at once.
 *
 * <p>Why completion order, not start order: a ring that waits for its oldest call holds every later
 * call that finished first until the oldest does, so their replacements start late and fewer calls
 * than the ring's size are in flight. With calls that each wait ~10 ms and vary by a millisecond,
 * the loss grows with the ring: at 64 in flight the raw Apache transport reached 56 % of callers ÷
 * delay that way, and 82 % taking calls as they complete (results/round-20261202f/).
 *
 * <p>Not thread-safe: one thread starts, takes and drains; the calls complete on any thread.
 */
final class CallRing {

    private final Supplier<CompletableFuture<?>> starter;
    private final BlockingQueue<CompletableFuture<?>> completed = new LinkedBlockingQueue<>();
    private int inFlight;

    /**
     * Starts {@code calls} calls.
     *
     * @param calls how many calls to keep in flight, at least 1
     * @param starter starts one call; also starts every replacement
     * @throws IllegalArgumentException if {@code calls < 1}
     */
    CallRing(int calls, Supplier<CompletableFuture<?>> starter) {
        if (calls < 1) {
            throw new IllegalArgumentException("a ring needs at least 1 call, was " + calls);
        }
        this.starter = starter;
        for (int i = 0; i < calls; i++) {
            start();
        }
    }

    /** Calls started and not yet taken. */
    int inFlight() {
        return inFlight;
    }

    /**
     * Waits for the next call to complete, starts its replacement and returns the completed call's
     * value.
     *
     * @return the completed call's value
     * @throws RuntimeException what the completed call failed with, unwrapped ({@link Await}); its
     *     replacement is started first, so the ring stays full
     * @throws IllegalStateException if the thread is interrupted while waiting (the flag is kept)
     */
    Object advance() {
        CompletableFuture<?> call = next();
        start();
        return Await.result(call, null);
    }

    /**
     * Waits for every call in flight, so none outlives the caller's iteration, starting no more.
     *
     * @throws RuntimeException the first failure among them, after all have completed
     * @throws IllegalStateException if the thread is interrupted while waiting (the flag is kept)
     */
    void drain() {
        RuntimeException first = null;
        while (inFlight > 0) {
            CompletableFuture<?> call = next();
            try {
                Await.result(call, null);
            } catch (RuntimeException failure) {
                if (first == null) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void start() {
        CompletableFuture<?> call = starter.get();
        inFlight++;
        // The callback cannot fail (an unbounded queue), so its own future holds nothing to read.
        var unused = call.whenComplete((value, failure) -> completed.add(call));
    }

    private CompletableFuture<?> next() {
        CompletableFuture<?> call;
        try {
            call = completed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted waiting for one of " + inFlight + " calls in flight", e);
        }
        inFlight--;
        return call;
    }
}
