package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.AdapterConfig;
import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.ChatStream;
import dev.dualpath.adapter.ChatStreamPublisher;
import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.conformance.scenario.Capability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * dualpath's own adapter as a plug-in: every transport × {@code invokeSync}, {@code invoke} (with
 * the default continuations and on the transport's thread), each {@link SyncStrategy}, {@code
 * invokeBatchSync} and {@code invokeBatch} — 20 paths named {@code <transport>/<way>}, e.g. {@code
 * jdk/invokeSync}, {@code apache/invoke}, {@code apache/invoke@TRANSPORT_THREAD}, {@code
 * apache/LOOP_PER_CALL} ({@link #pathName}), {@code jdk/invokeBatch}. The batch paths run the batch
 * scenarios, and every other scenario as batches of one. {@code invokeSync} and {@code DIRECT} make
 * the same call, one through the compat layer; both are kept because both are public entry points.
 * Each path builds a fresh {@link CerebrasAdapter} per scenario with the scenario's timeouts, retry
 * policy (jitter 1.0) and the runner's recording sleeper, from a factory of its transport kind, so
 * that {@link SyncStrategy#CLIENT_PER_CALL} can open a fresh transport per call with the same
 * settings.
 */
public final class DualpathPlugin implements ConformancePlugin {

    /** The plug-in's name in reports. */
    public static final String NAME = "dualpath";

    /** The continuations every path but the {@code invoke()} variants below runs with. */
    private static final ContinuationExecutor DEFAULT_CONTINUATIONS =
            ContinuationExecutor.OWNED_POOL;

    /**
     * The {@code invoke()} path runs once per continuation kind a user would choose for a server:
     * the default pool, and the transport's own thread (no hand-off). {@code DEFAULT_ASYNC} is left
     * out: it is the default pool's contract on another executor, which the per-call loop
     * strategies already run on.
     */
    private static final List<ContinuationExecutor> ASYNC_CONTINUATIONS =
            List.of(DEFAULT_CONTINUATIONS, ContinuationExecutor.TRANSPORT_THREAD);

    @Override
    public String name() {
        return NAME;
    }

    /** Everything: the adapter supports every capability the catalogue knows. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public List<PathUnderTest> paths() {
        List<PathUnderTest> paths = new ArrayList<>();
        for (TransportKind transport : TransportKind.values()) {
            paths.add(new Direct(transport, true, DEFAULT_CONTINUATIONS));
            for (ContinuationExecutor continuations : ASYNC_CONTINUATIONS) {
                paths.add(new Direct(transport, false, continuations));
            }
            for (SyncStrategy strategy : SyncStrategy.values()) {
                paths.add(new Strategy(transport, strategy));
            }
            paths.addAll(DualpathBatchPaths.of(transport));
        }
        return paths;
    }

    /**
     * The name of the path that runs {@code strategy} on {@code transport}, e.g. {@code
     * apache/SHARED_LOOP}.
     */
    public static String pathName(TransportKind transport, SyncStrategy strategy) {
        return prefix(transport) + strategy.name();
    }

    /**
     * The name of the {@code invokeSync()} path ({@code sync}) or the {@code invoke()} path on
     * {@code transport}, with the adapter's default continuations.
     */
    public static String directPathName(TransportKind transport, boolean sync) {
        return prefix(transport) + (sync ? "invokeSync" : "invoke");
    }

    /**
     * The name of the {@code invoke()} path on {@code transport} with {@code continuations}: {@code
     * apache/invoke} for the default, e.g. {@code apache/invoke@TRANSPORT_THREAD} for another.
     */
    public static String invokePathName(
            TransportKind transport, ContinuationExecutor continuations) {
        String way = directPathName(transport, false);
        return continuations == DEFAULT_CONTINUATIONS ? way : way + "@" + continuations.name();
    }

    /**
     * The name of the {@code invokeBatchSync()} path ({@code sync}) or the {@code invokeBatch()}
     * path on {@code transport}.
     */
    public static String batchPathName(TransportKind transport, boolean sync) {
        return DualpathBatchPaths.name(transport, sync);
    }

    private static String prefix(TransportKind transport) {
        return transport.name().toLowerCase(Locale.ROOT) + "/";
    }

    static CerebrasAdapter adapter(TransportKind transport, ClientSetup setup) {
        return adapter(transport, setup, DEFAULT_CONTINUATIONS);
    }

    private static CerebrasAdapter adapter(
            TransportKind transport, ClientSetup setup, ContinuationExecutor continuations) {
        AdapterConfig config =
                AdapterConfig.of(setup.baseUrl(), new ApiKey(setup.apiKey()))
                        .withRetries(setup.config().retryPolicy())
                        .withSleeper(setup.sleeper())
                        .withContinuations(continuations);
        return CerebrasAdapter.create(
                config, transport.factory(setup.config().transportConfig(setup.maxConnections())));
    }

    /** Hands every chunk of {@code stream} to {@code chunks}, then returns its response. */
    static UnifiedChatResponse drain(ChatStream stream, Consumer<ChatChunk> chunks) {
        while (stream.hasNext()) {
            chunks.accept(stream.next());
        }
        return stream.response();
    }

    /**
     * A subscriber that asks for one chunk at a time, so that every streamed scenario also runs the
     * publisher's demand handling; the outcome comes from the publisher's response future.
     */
    private static final class OneAtATime implements Flow.Subscriber<ChatChunk> {
        private final Consumer<ChatChunk> chunks;
        private Flow.Subscription subscription;

        OneAtATime(Consumer<ChatChunk> chunks) {
            this.chunks = chunks;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(ChatChunk item) {
            chunks.accept(item);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            // The response future carries the failure.
        }

        @Override
        public void onComplete() {
            // The response future carries the response.
        }
    }

    /**
     * {@code invokeSync()} (blocking) or {@code invoke()} (future) on the adapter itself, its
     * continuations where {@code continuations} puts them (the blocking path has none).
     */
    private record Direct(TransportKind transport, boolean sync, ContinuationExecutor continuations)
            implements PathUnderTest {
        @Override
        public String name() {
            return sync
                    ? directPathName(transport, true)
                    : invokePathName(transport, continuations);
        }

        @Override
        public PathKind kind() {
            return sync ? PathKind.BLOCKING : PathKind.FUTURE;
        }

        @Override
        public ClientUnderTest open(ClientSetup setup) {
            CerebrasAdapter adapter = adapter(transport, setup, continuations);
            if (sync) {
                return new BlockingClient() {
                    @Override
                    public UnifiedChatResponse call(ChatRequest request) {
                        return adapter.invokeSync(request);
                    }

                    @Override
                    public UnifiedChatResponse stream(
                            ChatRequest request, Consumer<ChatChunk> chunks) {
                        try (ChatStream s = adapter.streamSync(request)) {
                            return drain(s, chunks);
                        }
                    }

                    @Override
                    public void close() {
                        adapter.close();
                    }
                };
            }
            return new FutureClient() {
                @Override
                public CompletableFuture<UnifiedChatResponse> submit(ChatRequest request) {
                    return adapter.invoke(request);
                }

                @Override
                public CompletableFuture<UnifiedChatResponse> submitStream(
                        ChatRequest request, Consumer<ChatChunk> chunks) {
                    ChatStreamPublisher publisher = adapter.stream(request);
                    publisher.subscribe(new OneAtATime(chunks));
                    return publisher.response();
                }

                @Override
                public void close() {
                    adapter.close();
                }
            };
        }
    }

    /** A sync strategy of the compat layer. */
    private record Strategy(TransportKind transport, SyncStrategy strategy)
            implements PathUnderTest {
        @Override
        public String name() {
            return pathName(transport, strategy);
        }

        @Override
        public PathKind kind() {
            return PathKind.BLOCKING;
        }

        @Override
        public ClientUnderTest open(ClientSetup setup) {
            CerebrasAdapter adapter = adapter(transport, setup);
            return new BlockingClient() {
                @Override
                public UnifiedChatResponse call(ChatRequest request) {
                    return strategy.execute(adapter, request);
                }

                @Override
                public UnifiedChatResponse stream(ChatRequest request, Consumer<ChatChunk> chunks) {
                    try (ChatStream s = strategy.stream(adapter, request)) {
                        return drain(s, chunks);
                    }
                }

                @Override
                public void close() {
                    adapter.close();
                }
            };
        }
    }
}
