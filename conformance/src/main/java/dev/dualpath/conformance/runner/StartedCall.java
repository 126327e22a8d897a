package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call in flight on some path: started by {@link #start}, possibly interrupted or cancelled,
 * then awaited with a deadline. Blocking calls run on a fresh daemon thread of their own, so an
 * interrupt can never land on a thread that has moved on to other work, and no pool outlives the
 * run.
 */
final class StartedCall {

    /**
     * What the call returned or threw.
     *
     * @param response the response, or null
     * @param failure the failure as thrown (a cancelled future becomes a {@link
     *     CancelledException}), or null
     * @param chunks the chunks a streamed call delivered, in order; empty otherwise
     */
    record Result(UnifiedChatResponse response, Throwable failure, List<ChatChunk> chunks) {

        /** The result of a call that is not streamed. */
        Result(UnifiedChatResponse response, Throwable failure) {
            this(response, failure, List.of());
        }
    }

    private final String requestId;
    private final CompletableFuture<UnifiedChatResponse> future;
    private final Thread thread;
    private final Object lock = new Object();
    private final List<ChatChunk> chunks;
    private boolean running;

    private StartedCall(
            String requestId,
            CompletableFuture<UnifiedChatResponse> future,
            Thread thread,
            List<ChatChunk> chunks) {
        this.requestId = requestId;
        this.chunks = chunks;
        this.future = future;
        this.thread = thread;
    }

    /**
     * Starts {@code request} on {@code client}: a new thread for a blocking client, {@code submit}
     * for a future one.
     */
    static StartedCall start(ClientUnderTest client, ChatRequest request, String threadName) {
        return start(client, request, threadName, false);
    }

    /**
     * As {@link #start(ClientUnderTest, ChatRequest, String)}; a {@code streamed} call goes through
     * the client's streaming face and its chunks are kept.
     */
    static StartedCall start(
            ClientUnderTest client, ChatRequest request, String threadName, boolean streamed) {
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        if (client instanceof FutureClient f) {
            CompletableFuture<UnifiedChatResponse> future;
            try {
                future = streamed ? f.submitStream(request, chunks::add) : f.submit(request);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            return new StartedCall(request.requestId(), future, null, chunks);
        }
        BlockingClient b = (BlockingClient) client;
        CompletableFuture<UnifiedChatResponse> done = new CompletableFuture<>();
        StartedCall[] self = new StartedCall[1];
        Thread t = new Thread(() -> self[0].runBlocking(b, request, streamed, done), threadName);
        t.setDaemon(true);
        StartedCall call = new StartedCall(request.requestId(), done, t, chunks);
        self[0] = call;
        call.running = true;
        t.start();
        return call;
    }

    private void runBlocking(
            BlockingClient client,
            ChatRequest request,
            boolean streamed,
            CompletableFuture<UnifiedChatResponse> done) {
        try {
            done.complete(streamed ? client.stream(request, chunks::add) : client.call(request));
        } catch (Throwable t) {
            done.completeExceptionally(t);
        } finally {
            synchronized (lock) {
                running = false;
                Thread.interrupted(); // the thread ends here; clear so nothing else sees the flag
            }
        }
    }

    /** Interrupts the blocked caller (blocking paths) while the call still runs; else nothing. */
    void interrupt() {
        synchronized (lock) {
            if (thread != null && running) {
                thread.interrupt();
            }
        }
    }

    /** {@code cancel(true)} on the call's future (future paths); else nothing. */
    void cancel() {
        if (thread == null) {
            future.cancel(true);
        }
    }

    /** How many chunks a streamed call has delivered so far. */
    int chunkCount() {
        return chunks.size();
    }

    /**
     * Waits for the outcome until {@code deadlineNanos}; past it, stops the call (interrupt or
     * cancel) and returns a {@link BoundExceededException} as its failure.
     */
    Result await(long deadlineNanos, Duration bound) {
        try {
            return new Result(
                    future.get(Bounded.remainingNanos(deadlineNanos), TimeUnit.NANOSECONDS),
                    null,
                    List.copyOf(chunks));
        } catch (ExecutionException e) {
            return new Result(null, e.getCause(), List.copyOf(chunks));
        } catch (CancellationException e) {
            return new Result(null, CancelledException.of(requestId, e), List.copyOf(chunks));
        } catch (TimeoutException e) {
            stop();
            return new Result(null, new BoundExceededException(bound), List.copyOf(chunks));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new Result(null, e, List.copyOf(chunks));
        }
    }

    private void stop() {
        interrupt();
        cancel();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The future the runner awaits, for callers that poll. */
    Future<UnifiedChatResponse> future() {
        return future;
    }
}
