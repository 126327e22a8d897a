package dev.dualpath.adapter;

import dev.dualpath.adapter.core.ErrorMapper;
import dev.dualpath.adapter.core.RequestEncoder;
import dev.dualpath.adapter.core.ResponseProcessor;
import dev.dualpath.adapter.core.Sleeper;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.AsyncTransport;
import dev.dualpath.adapter.transport.BlockingTransport;
import dev.dualpath.adapter.transport.StreamingTransport;
import dev.dualpath.adapter.transport.Transport;
import dev.dualpath.adapter.transport.TransportFactory;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The Cerebras chat adapter: two thin I/O shells over one {@link Call} state machine.
 *
 * <pre>{@code
 * try (CerebrasAdapter adapter = CerebrasAdapter.create(
 *         AdapterConfig.of(URI.create("https://api.cerebras.ai"), new ApiKey(key)),
 *         TransportKind.APACHE.create(TransportConfig.DEFAULTS))) {
 *     UnifiedChatResponse r = adapter.invokeSync(ChatRequest.of("llama3.1-8b", List.of(ChatMessage.user("Hi"))));
 *     CompletableFuture<UnifiedChatResponse> f = adapter.invoke(request);
 * }
 * }</pre>
 *
 * <p>Both paths encode the request, map errors, process responses and decide retries through the
 * same helpers; they differ only in how they wait. Streams likewise: {@link #streamSync} (a
 * blocking {@link ChatStream}) and {@link #stream} (a {@link ChatStreamPublisher}) share one {@link
 * StreamCall} and one decoder, over a transport that is also a {@link StreamingTransport}. For the
 * same server behaviour they return equal responses (timing aside) or throw the same exception
 * class with equal details.
 *
 * <p>An adapter built from a {@link TransportFactory} can also open {@linkplain #openScoped scoped
 * clients}: a fresh transport per caller-chosen scope, over the same helpers.
 *
 * <p>Thread-safe; build one per provider and reuse it.
 */
public final class CerebrasAdapter
        implements SyncChatAdapter, SyncStreamingChatAdapter, ScopedClients {

    private final Call.Helpers helpers;
    private final BlockingTransport blocking;
    private final AsyncTransport async;
    private final @Nullable AutoCloseable resources;
    private final @Nullable StreamingTransport syncStreams;
    private final @Nullable StreamingTransport asyncStreams;
    private final Sleeper sleeper;
    private final Executor continuations;
    private final Runnable releaseContinuations;
    private final @Nullable TransportFactory transports;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CerebrasAdapter(
            Call.Helpers helpers,
            BlockingTransport blocking,
            AsyncTransport async,
            @Nullable AutoCloseable resources,
            Sleeper sleeper,
            Executor continuations,
            Runnable releaseContinuations,
            @Nullable TransportFactory transports) {
        this.helpers = helpers;
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.async = Objects.requireNonNull(async, "async");
        this.resources = resources;
        this.syncStreams = blocking instanceof StreamingTransport s ? s : null;
        this.asyncStreams = async instanceof StreamingTransport s ? s : null;
        this.sleeper = sleeper;
        this.continuations = continuations;
        this.releaseContinuations = releaseContinuations;
        this.transports = transports;
    }

    private static CerebrasAdapter owning(
            AdapterConfig config,
            BlockingTransport blocking,
            AsyncTransport async,
            @Nullable AutoCloseable resources,
            @Nullable TransportFactory transports) {
        Call.Helpers helpers =
                new Call.Helpers(
                        new RequestEncoder(config.baseUrl(), config.apiKey()),
                        new ErrorMapper(config.apiKey()),
                        new ResponseProcessor(config.apiKey()),
                        config.retries());
        ContinuationExecutor kind = config.continuations();
        Executor continuations = kind.create();
        return new CerebrasAdapter(
                helpers,
                blocking,
                async,
                resources,
                config.sleeper(),
                continuations,
                () -> kind.release(continuations),
                transports);
    }

    /**
     * An adapter over one transport's two deliveries; {@link #close()} closes the transport. It
     * cannot open {@linkplain #openScoped scoped clients}: it has no way to build another
     * transport.
     */
    public static CerebrasAdapter create(AdapterConfig config, Transport transport) {
        return owning(config, transport, transport, transport, null);
    }

    /**
     * An adapter over a long-lived transport built by {@code transports} now, which {@link
     * #close()} closes; {@link #openScoped} builds a fresh one from the same factory per scope.
     *
     * @throws NullPointerException if an argument is null
     * @throws RuntimeException whatever {@code transports} throws
     */
    public static CerebrasAdapter create(AdapterConfig config, TransportFactory transports) {
        Objects.requireNonNull(transports, "transports");
        return create(config, transports.create(), transports);
    }

    /**
     * An adapter over {@code transport}, which {@link #close()} closes, that opens {@linkplain
     * #openScoped scoped clients} on fresh transports from {@code scoped} (usually the factory that
     * built {@code transport}).
     *
     * @throws NullPointerException if an argument is null
     */
    public static CerebrasAdapter create(
            AdapterConfig config, Transport transport, TransportFactory scoped) {
        Objects.requireNonNull(scoped, "scoped");
        return owning(config, transport, transport, transport, scoped);
    }

    /**
     * An adapter over separate deliveries (e.g. a blocking client of one library and an async one
     * of another).
     *
     * @param resources closed by {@link #close()}, or null when the caller keeps ownership
     */
    public static CerebrasAdapter create(
            AdapterConfig config,
            BlockingTransport blocking,
            AsyncTransport async,
            @Nullable AutoCloseable resources) {
        return owning(config, blocking, async, resources, null);
    }

    /**
     * A client over a fresh transport from this adapter's factory and the same helpers (encoding,
     * error mapping, retries, sleeper), whose continuations run on {@code continuations}. Closing
     * it closes that transport only.
     *
     * @throws UnsupportedOperationException if this adapter was built over a transport instance
     */
    @Override
    public ChatAdapter openScoped(Executor continuations) {
        Objects.requireNonNull(continuations, "continuations");
        if (transports == null) {
            throw new UnsupportedOperationException(
                    "this adapter was built over one transport instance and cannot open another;"
                            + " build it with CerebrasAdapter.create(config, TransportFactory)");
        }
        if (closed.get()) {
            throw new IllegalStateException("adapter closed");
        }
        Transport transport = transports.create();
        return new CerebrasAdapter(
                helpers, transport, transport, transport, sleeper, continuations, () -> {}, null);
    }

    @Override
    public UnifiedChatResponse invokeSync(ChatRequest request) {
        Call call = Call.start(helpers, request);
        while (true) {
            Step step = attemptBlocking(call);
            if (!(step instanceof Step.Retry retry)) {
                return step.resultOrThrow();
            }
            pause(call, retry.delay());
        }
    }

    @Override
    public CompletableFuture<UnifiedChatResponse> invoke(ChatRequest request) {
        return invoke(request, continuations);
    }

    @Override
    public CompletableFuture<UnifiedChatResponse> invoke(ChatRequest request, Executor executor) {
        Call call = Call.start(helpers, request);
        CompletableFuture<UnifiedChatResponse> result;
        Executor continuationsOfThisCall;
        if (executor == ContinuationExecutor.IN_PLACE) {
            // Asked to run on the transport's thread: nothing to hand to a waiting caller.
            result = new CompletableFuture<>();
            continuationsOfThisCall = executor;
        } else {
            WaiterRunsFuture<UnifiedChatResponse> assisted = new WaiterRunsFuture<>(executor);
            result = assisted;
            continuationsOfThisCall = assisted.continuations();
        }
        AtomicReference<Future<?>> inFlight = new AtomicReference<>();
        // A cancel of the caller's future must reach the socket or the backoff timer as well.
        var unused = result.whenComplete((r, e) -> cancelIfCancelled(result, inFlight.get()));
        attemptAsync(call, result, inFlight, continuationsOfThisCall);
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads, decodes and waits on the calling thread (see {@link ChatStream}).
     */
    @Override
    public ChatStream streamSync(ChatRequest request) {
        return new BlockingChatStream(
                        StreamCall.start(helpers, request), streams(syncStreams), sleeper)
                .open();
    }

    @Override
    public ChatStreamPublisher stream(ChatRequest request) {
        return stream(request, continuations);
    }

    @Override
    public ChatStreamPublisher stream(ChatRequest request, Executor executor) {
        return new AsyncChatStream(
                StreamCall.start(helpers, request), streams(asyncStreams), sleeper, executor);
    }

    private static StreamingTransport streams(@Nullable StreamingTransport transport) {
        if (transport == null) {
            throw new UnsupportedOperationException("this adapter's transport cannot stream");
        }
        return transport;
    }

    private Step attemptBlocking(Call call) {
        WireResponse response;
        try {
            response = blocking.execute(call.nextAttempt());
        } catch (RuntimeException failure) {
            return call.onOutcome(null, failure);
        }
        return call.onOutcome(response, null);
    }

    private void pause(Call call, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw call.cancelled(e);
        }
    }

    private void attemptAsync(
            Call call,
            CompletableFuture<UnifiedChatResponse> result,
            AtomicReference<Future<?>> inFlight,
            Executor executor) {
        CompletableFuture<WireResponse> exchange;
        try {
            exchange = async.executeAsync(call.nextAttempt());
        } catch (RuntimeException failure) {
            exchange = CompletableFuture.failedFuture(failure);
        }
        track(result, inFlight, exchange);
        // handleAsync, not whenCompleteAsync: a whenComplete stage re-raises the exchange's own
        // failure, which would reach exceptionally() below and complete the caller's future with
        // the first attempt's error while its retry was still pending.
        exchange.handleAsync(
                        (response, failure) -> {
                            if (result.isDone()) {
                                return null; // cancelled by the caller meanwhile
                            }
                            Step step = call.onOutcome(response, failure);
                            if (step instanceof Step.Retry retry) {
                                CompletableFuture<Void> wait =
                                        sleeper.delay(retry.delay(), executor);
                                track(result, inFlight, wait);
                                var unused =
                                        wait.thenRun(
                                                () ->
                                                        attemptAsync(
                                                                call, result, inFlight, executor));
                            } else {
                                step.completeInto(result);
                            }
                            return null;
                        },
                        executor)
                .exceptionally(
                        bug -> {
                            // A rejected executor or a defect in a helper must still
                            // complete the caller's future.
                            result.completeExceptionally(
                                    helpers.errors().fromThrowable(bug, call.requestId()));
                            return null;
                        });
    }

    private static void track(
            CompletableFuture<?> result, AtomicReference<Future<?>> inFlight, Future<?> next) {
        inFlight.set(next);
        cancelIfCancelled(result, next);
    }

    private static void cancelIfCancelled(
            CompletableFuture<?> result, @Nullable Future<?> inFlight) {
        if (result.isCancelled() && inFlight != null) {
            inFlight.cancel(true);
        }
    }

    /** Closes the transport (when owned) and the continuation pool. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        releaseContinuations.run();
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the transport failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "CerebrasAdapter[" + helpers.encoder().endpoint() + "]";
    }
}
