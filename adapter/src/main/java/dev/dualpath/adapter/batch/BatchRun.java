package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.core.RequestIds;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one scheduler both deliveries drive: hands out items in input order ({@link #claim}), keeps
 * what each item's call can be aborted with, records each item's outcome ({@link #record}), and
 * stops the batch ({@link #stop}) on cancellation or at the deadline. A delivery only decides how a
 * call runs and waits: on a worker thread ({@link BlockingLanes}) or as a future ({@link
 * AsyncLanes}). With {@code lanes} claims outstanding at most, at most {@code lanes} calls are in
 * flight.
 *
 * <p>{@link #done()} completes, always normally, once every item has an outcome; a stop settles the
 * items not started at once and those in flight as their aborted calls end. Thread-safe: one lock
 * guards the item table, and no call, abort or completion runs while it is held.
 */
final class BatchRun {

    /** An item handed to a lane: its position and its request (with its request id). */
    record Claim(int index, ChatRequest request) {}

    private final List<ChatRequest> requests;
    private final BatchOptions options;
    private final long startNanos;
    private final CompletableFuture<BatchResult> done = new CompletableFuture<>();
    private final CompletableFuture<Boolean> deadline = new CompletableFuture<>();

    // guarded by this
    private final ItemResult[] results;
    private final Runnable[] aborts;
    private int next;
    private int settled;
    private @Nullable BatchEnd stop;

    private BatchRun(List<ChatRequest> requests, BatchOptions options) {
        this.requests = requests;
        this.options = options;
        this.results = new ItemResult[requests.size()];
        this.aborts = new Runnable[requests.size()];
        this.startNanos = System.nanoTime();
    }

    /**
     * A new batch over {@code requests}, with its deadline armed; no call starts until a lane
     * claims one. Requests without a correlation id get one here, so that every item's result
     * carries the id its call was sent with.
     *
     * @throws NullPointerException naming the argument, or the index of a null request
     */
    static BatchRun start(List<ChatRequest> requests, BatchOptions options) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(options, "options");
        List<ChatRequest> withIds = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ChatRequest r = Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
            withIds.add(r.requestId() != null ? r : r.withRequestId(RequestIds.next()));
        }
        BatchRun run = new BatchRun(List.copyOf(withIds), options);
        if (withIds.isEmpty()) {
            run.finish();
        } else {
            options.deadline().ifPresent(run::arm);
        }
        return run;
    }

    /** The number of lanes worth running: the limit, or fewer for a short batch. */
    int lanes() {
        return Math.min(options.limit(), requests.size());
    }

    /** Completes normally with the result once every item has one. */
    CompletableFuture<BatchResult> done() {
        return done;
    }

    /**
     * The next item, marked started, or null when none is left or the batch has stopped.
     *
     * @param abort what aborts the item's call (a blocking lane's interrupt), or null to {@link
     *     #attach} it once the call exists
     */
    synchronized @Nullable Claim claim(@Nullable Runnable abort) {
        if (stop != null || next == requests.size()) {
            return null;
        }
        int index = next++;
        aborts[index] = abort;
        return new Claim(index, requests.get(index));
    }

    /**
     * Sets what aborts a claimed item's call that has just started.
     *
     * @return false if the batch stopped meanwhile: the caller aborts the call itself
     */
    synchronized boolean attach(int index, Runnable abort) {
        if (stop != null) {
            return false;
        }
        if (results[index] == null) {
            aborts[index] = abort;
        }
        return true;
    }

    /**
     * Records how a claimed item's call ended (exactly one of {@code response} and {@code failure}
     * is expected; neither is recorded as a failure). A failure is mapped to a {@link
     * ProviderException}; a cancellation that the batch's own stop caused becomes that stop's
     * outcome. Later records of the same item are ignored.
     */
    void record(int index, @Nullable UnifiedChatResponse response, @Nullable Throwable failure) {
        // start() gave every request an id.
        String id = Objects.requireNonNull(requests.get(index).requestId());
        boolean last;
        synchronized (this) {
            if (results[index] != null) {
                return;
            }
            aborts[index] = null;
            results[index] = outcome(index, id, response, failure);
            last = ++settled == results.length;
        }
        if (last) {
            finish();
        }
    }

    private ItemResult outcome(
            int index,
            String id,
            @Nullable UnifiedChatResponse response,
            @Nullable Throwable failure) {
        if (failure == null && response != null) {
            return new ItemResult.Success(index, id, response);
        }
        ProviderException error = ItemFailures.of(failure, id);
        if (stop != null && error instanceof CancelledException) {
            return new ItemResult.Stopped(
                    index, id, stop.stoppedStatus(), true, stop.stoppedError(id, options, error));
        }
        return new ItemResult.Failure(index, id, error);
    }

    /**
     * Stops the batch for {@code reason}: items not started are settled at once (not started),
     * calls in flight are aborted and settle as they end. No-op once stopped or done.
     */
    void stop(BatchEnd reason) {
        List<Runnable> inFlight = new ArrayList<>();
        boolean last;
        synchronized (this) {
            if (stop != null || settled == results.length) {
                return;
            }
            stop = reason;
            for (; next < results.length; next++) {
                // start() gave every request an id.
                String id = Objects.requireNonNull(requests.get(next).requestId());
                results[next] =
                        new ItemResult.Stopped(
                                next,
                                id,
                                reason.stoppedStatus(),
                                false,
                                reason.stoppedError(id, options, null));
                settled++;
            }
            for (Runnable abort : aborts) {
                if (abort != null) {
                    inFlight.add(abort);
                }
            }
            last = settled == results.length;
        }
        for (Runnable abort : inFlight) {
            abortQuietly(abort);
        }
        if (last) {
            finish();
        }
    }

    /**
     * An abort that throws must not keep the others from running; its item still settles when its
     * call ends, bounded by the call's own timeouts.
     */
    private static void abortQuietly(Runnable abort) {
        try {
            abort.run();
        } catch (RuntimeException ignored) {
            // see the method's Javadoc
        }
    }

    /**
     * Arms the batch deadline on the JDK's shared delay scheduler; finishing first cancels the
     * scheduled task, so a long deadline keeps nothing alive after the batch.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // stop() does not throw; nothing to collect
    private void arm(Duration limit) {
        deadline.completeOnTimeout(Boolean.TRUE, saturatedNanos(limit), TimeUnit.NANOSECONDS);
        deadline.thenAccept(
                expired -> {
                    if (expired) {
                        stop(BatchEnd.DEADLINE_EXCEEDED);
                    }
                });
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private void finish() {
        deadline.complete(Boolean.FALSE);
        BatchResult result;
        synchronized (this) {
            result =
                    new BatchResult(
                            Arrays.asList(results),
                            stop == null ? BatchEnd.COMPLETED : stop,
                            Duration.ofNanos(System.nanoTime() - startNanos));
        }
        done.complete(result);
    }
}
