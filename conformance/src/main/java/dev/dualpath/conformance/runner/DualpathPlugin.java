package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.AdapterConfig;
import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.ChatStream;
import dev.dualpath.adapter.ChatStreamPublisher;
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
 * dualpath's own adapter as a plug-in: every transport × {@code invokeSync}, {@code invoke}, each
 * {@link SyncStrategy}, {@code invokeBatchSync} and {@code invokeBatch} — 18 paths named {@code
 * <transport>/<way>}, e.g. {@code jdk/invokeSync}, {@code apache/invoke}, {@code
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
            paths.add(new Direct(transport, true));
            paths.add(new Direct(transport, false));
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
     * {@code transport}.
     */
    public static String directPathName(TransportKind transport, boolean sync) {
        return prefix(transport) + (sync ? "invokeSync" : "invoke");
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
        AdapterConfig config =
                AdapterConfig.of(setup.baseUrl(), new ApiKey(setup.apiKey()))
                        .withRetries(setup.config().retryPolicy())
                        .withSleeper(setup.sleeper());
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

    /** {@code invokeSync()} (blocking) or {@code invoke()} (future) on the adapter itself. */
    private record Direct(TransportKind transport, boolean sync) implements PathUnderTest {
        @Override
        public String name() {
            return directPathName(transport, sync);
        }

        @Override
        public PathKind kind() {
            return sync ? PathKind.BLOCKING : PathKind.FUTURE;
        }

        @Override
        public ClientUnderTest open(ClientSetup setup) {
            CerebrasAdapter adapter = adapter(transport, setup);
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
