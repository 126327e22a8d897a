package dev.dualpath.adapter.compat;

import dev.dualpath.adapter.ChatAdapter;
import dev.dualpath.adapter.ChatStream;
import dev.dualpath.adapter.ScopedClients;
import dev.dualpath.adapter.StreamingChatAdapter;
import dev.dualpath.adapter.SyncChatAdapter;
import dev.dualpath.adapter.SyncStreamingChatAdapter;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The ways to make a synchronous call, the thing the benchmarks compare. Every strategy throws
 * exactly what {@link #DIRECT} throws for the same server behaviour: a {@link
 * dev.dualpath.adapter.error.ProviderException}, never a completion wrapper; an interrupt aborts
 * the call and surfaces as a {@link dev.dualpath.adapter.error.CancelledException} with the flag
 * restored. None leaves a thread behind.
 *
 * <p>An adapter without a sync path ({@link ChatAdapter} only) makes {@link #DIRECT}, {@link
 * #SEED_LITERAL} and {@link #CLIENT_PER_CALL} fall back to {@link #LOOP_PER_CALL}, as the original
 * compat layer did.
 */
public enum SyncStrategy {

    /** {@code invokeSync()} on a blocking transport: the refactoring's "after". */
    DIRECT("invokeSync() on the blocking transport") {
        @Override
        UnifiedChatResponse call(SyncChatAdapter adapter, ChatRequest request) {
            return adapter.invokeSync(request);
        }

        @Override
        ChatStream openStream(SyncStreamingChatAdapter adapter, ChatRequest request) {
            return adapter.streamSync(request);
        }
    },

    /**
     * A fresh single-thread executor (an "event loop") per call drives {@code invoke()} while the
     * caller blocks; shut down in {@code finally}: the refactoring's "before".
     */
    LOOP_PER_CALL("fresh event loop per call driving invoke()") {
        @Override
        UnifiedChatResponse call(SyncChatAdapter adapter, ChatRequest request) {
            return loopPerCall(adapter, request);
        }

        @Override
        ChatStream openStream(SyncStreamingChatAdapter adapter, ChatRequest request) {
            return loopPerCallStream(adapter, request);
        }
    },

    /**
     * Block on {@code invoke()} of the long-lived async client ({@code join()}, Azure's {@code
     * .block()}).
     */
    SHARED_LOOP("join() on invoke() with the adapter's shared executor") {
        @Override
        UnifiedChatResponse call(SyncChatAdapter adapter, ChatRequest request) {
            return Await.result(adapter.invoke(request), request.requestId());
        }

        @Override
        ChatStream openStream(SyncStreamingChatAdapter adapter, ChatRequest request) {
            return PublisherChatStream.open(adapter.stream(request), request.requestId(), () -> {});
        }
    },

    /**
     * The original {@code invoke_sync()} as written: an event loop created and closed on every call
     * only to fetch the cached client (a coroutine that returns the client already built), then the
     * direct call. Its write-up claims no loop overhead; this measures what the code does. The
     * cached client here is the adapter itself: what the loop costs does not depend on which cached
     * object the trivial task hands back.
     */
    SEED_LITERAL("per-call loop to fetch the cached client, then invokeSync()") {
        @Override
        UnifiedChatResponse call(SyncChatAdapter adapter, ChatRequest request) {
            SyncChatAdapter cached =
                    PerCallLoop.runOnce(
                            loop -> CompletableFuture.completedFuture(adapter),
                            request.requestId());
            return cached.invokeSync(request);
        }

        @Override
        ChatStream openStream(SyncStreamingChatAdapter adapter, ChatRequest request) {
            SyncStreamingChatAdapter cached =
                    PerCallLoop.runOnce(
                            loop -> CompletableFuture.completedFuture(adapter),
                            request.requestId());
            return cached.streamSync(request);
        }
    },

    /**
     * A fresh event loop <em>and a fresh async client</em> per call, both closed after it: the
     * "before" as it must be written when the async client is bound to the loop that created it
     * (Python's {@code AsyncOpenAI} keeps pooled connections owned by that loop; reusing a cached
     * client from a new loop fails once its loop is closed). Here the client is a scoped client of
     * the adapter ({@link ScopedClients#openScoped}): a new transport, its connection opened for
     * the call and closed after it, with its continuations on the per-call loop. An adapter built
     * over one transport instance cannot open a fresh one: the call then throws {@link
     * UnsupportedOperationException} before any I/O.
     */
    CLIENT_PER_CALL("fresh event loop and fresh async client (transport) per call") {
        @Override
        UnifiedChatResponse call(SyncChatAdapter adapter, ChatRequest request) {
            if (!(adapter instanceof ScopedClients scoped)) {
                return loopPerCall(adapter, request);
            }
            try (PerCallLoop loop = PerCallLoop.open();
                    ChatAdapter client = scoped.openScoped(loop.executor())) {
                return loop.run(executor -> client.invoke(request, executor), request.requestId());
            }
        }

        @Override
        ChatStream openStream(SyncStreamingChatAdapter adapter, ChatRequest request) {
            if (!(adapter instanceof ScopedClients scoped)) {
                return loopPerCallStream(adapter, request);
            }
            PerCallLoop loop = PerCallLoop.open();
            ChatAdapter client = null;
            try {
                client = scoped.openScoped(loop.executor());
                if (!(client instanceof StreamingChatAdapter streaming)) {
                    throw new UnsupportedOperationException("the scoped client cannot stream");
                }
                ChatAdapter owned = client;
                return PublisherChatStream.open(
                        streaming.stream(request, loop.executor()),
                        request.requestId(),
                        () -> closeBoth(owned, loop));
            } catch (RuntimeException e) {
                closeBoth(client, loop);
                throw e;
            }
        }
    };

    private final String description;

    SyncStrategy(String description) {
        this.description = description;
    }

    /** One line saying what the strategy does, for reports. */
    public String description() {
        return description;
    }

    /**
     * Makes one synchronous call through this strategy.
     *
     * @param adapter the adapter; one without a sync path falls back to {@link #LOOP_PER_CALL}
     * @param request a request with a correlation id (the compat layer assigns one)
     * @throws dev.dualpath.adapter.error.ProviderException on any failure, unwrapped
     */
    public UnifiedChatResponse execute(ChatAdapter adapter, ChatRequest request) {
        if (adapter instanceof SyncChatAdapter sync) {
            return call(sync, request);
        }
        return loopPerCall(adapter, request);
    }

    abstract UnifiedChatResponse call(SyncChatAdapter adapter, ChatRequest request);

    /**
     * Opens one streamed call through this strategy: the same chunks and the same outcome as {@link
     * #DIRECT}'s {@code streamSync()} for the same server behaviour; only where the work happens
     * differs (the sync-over-async strategies hand every chunk from a loop thread to the caller).
     * Closing the stream ends the call, and a per-call loop with it.
     *
     * @param adapter the adapter; one without a sync stream falls back to {@link #LOOP_PER_CALL}
     * @param request a request with a correlation id (the compat layer assigns one)
     * @return the chunks, read on the caller's thread; the caller closes it
     * @throws dev.dualpath.adapter.error.ProviderException as {@link
     *     SyncStreamingChatAdapter#streamSync}, unwrapped
     * @throws UnsupportedOperationException if the adapter cannot stream
     */
    public ChatStream stream(ChatAdapter adapter, ChatRequest request) {
        if (adapter instanceof SyncStreamingChatAdapter sync) {
            return openStream(sync, request);
        }
        if (adapter instanceof StreamingChatAdapter async) {
            return loopPerCallStream(async, request);
        }
        throw new UnsupportedOperationException("this adapter cannot stream: " + adapter);
    }

    abstract ChatStream openStream(SyncStreamingChatAdapter adapter, ChatRequest request);

    /** A fresh loop drives the publisher; it is shut down when the stream ends or is closed. */
    private static ChatStream loopPerCallStream(StreamingChatAdapter adapter, ChatRequest request) {
        PerCallLoop loop = PerCallLoop.open();
        try {
            return PublisherChatStream.open(
                    adapter.stream(request, loop.executor()),
                    request.requestId(),
                    loop::drainAndClose);
        } catch (RuntimeException e) {
            loop.close();
            throw e;
        }
    }

    /**
     * Closes a per-call loop, then its client: the loop first, because a cancelled stream posts its
     * abort to the loop, and the abort must run while the client's transport is still open (a
     * closed transport would leave the connection to the garbage collector).
     */
    private static void closeBoth(@Nullable ChatAdapter client, PerCallLoop loop) {
        try {
            loop.drainAndClose();
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private static UnifiedChatResponse loopPerCall(ChatAdapter adapter, ChatRequest request) {
        return PerCallLoop.runOnce(loop -> adapter.invoke(request, loop), request.requestId());
    }
}
