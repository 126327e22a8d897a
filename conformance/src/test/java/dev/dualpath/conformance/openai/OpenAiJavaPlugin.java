package dev.dualpath.conformance.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.Timeout;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.conformance.runner.BlockingClient;
import dev.dualpath.conformance.runner.ClientSetup;
import dev.dualpath.conformance.runner.ClientUnderTest;
import dev.dualpath.conformance.runner.ConformancePlugin;
import dev.dualpath.conformance.runner.FutureClient;
import dev.dualpath.conformance.runner.PathKind;
import dev.dualpath.conformance.runner.PathUnderTest;
import dev.dualpath.conformance.runner.PluginException;
import dev.dualpath.conformance.scenario.Capability;
import dev.dualpath.conformance.scenario.ClientConfig;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The official openai-java client (4.8.0, OkHttp) as a second, independent plug-in: its blocking
 * client ({@code okhttp/blocking}) and its async client ({@code okhttp/async}), pointed at the fake
 * provider's {@code /v1}, with the scenario's timeouts, retries, clock, and the runner's recording
 * sleeper injected through the builder. It claims every capability so that every scenario runs:
 * where the client departs from dualpath's expected outcome, the divergence list says why. Streamed
 * scenarios go through {@code createStreaming} on both clients, the response assembled by the
 * client's own {@link ChatCompletionAccumulator}.
 */
final class OpenAiJavaPlugin implements ConformancePlugin {

    @Override
    public String name() {
        return "openai-java";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public List<PathUnderTest> paths() {
        return List.of(new Blocking(), new Async());
    }

    /**
     * OkHttp keeps JVM-wide daemon threads that outlive any client: its shared task runner (idle
     * threads end after 60 s) and Okio's timeout watchdog. They are the library's, not a leak of
     * the client under test.
     */
    @Override
    public Predicate<Thread> sharedThreads() {
        return t ->
                t.getName().startsWith("OkHttp TaskRunner") || t.getName().equals("Okio Watchdog");
    }

    private static Timeout timeout(ClientConfig c) {
        return Timeout.builder()
                .connect(c.connectTimeout())
                .read(c.readTimeout())
                .write(c.readTimeout())
                .request(c.requestTimeout())
                .build();
    }

    private static UnifiedChatResponse parse(
            HttpResponseFor<ChatCompletion> raw, String requestId) {
        try (raw) {
            return OpenAiResponses.of(raw.parse(), raw.headers(), requestId);
        }
    }

    private static final String MAPPING = "mapping openai-java's outcome";

    /** The response, or the mapped failure thrown (a {@link PluginException} if mapping fails). */
    private static UnifiedChatResponse parseOrMap(
            HttpResponseFor<ChatCompletion> raw, String requestId) {
        try {
            return parse(raw, requestId);
        } catch (RuntimeException parseFailure) {
            return throwMapped(parseFailure, requestId);
        }
    }

    private static UnifiedChatResponse throwMapped(Throwable failure, String requestId) {
        throw rethrow(PluginException.guard(MAPPING, () -> OpenAiErrors.map(failure, requestId)));
    }

    private static RuntimeException rethrow(Throwable mapped) {
        if (mapped instanceof RuntimeException r) {
            return r;
        }
        if (mapped instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(mapped);
    }

    private static final class Blocking implements PathUnderTest {
        @Override
        public String name() {
            return "okhttp/blocking";
        }

        @Override
        public PathKind kind() {
            return PathKind.BLOCKING;
        }

        @Override
        public ClientUnderTest open(ClientSetup setup) {
            OpenAIClient client =
                    OpenAIOkHttpClient.builder()
                            .baseUrl(setup.baseUrl() + "/v1")
                            .apiKey(setup.apiKey())
                            .maxRetries(setup.config().maxRetries())
                            .timeout(timeout(setup.config()))
                            .clock(setup.config().retryClock())
                            .sleeper(new OpenAiSleeper(setup.sleeper()))
                            .build();
            return new BlockingClient() {
                @Override
                public UnifiedChatResponse call(ChatRequest request) {
                    try (var raw =
                            client.chat()
                                    .completions()
                                    .withRawResponse()
                                    .create(OpenAiRequests.params(request))) {
                        return parse(raw, request.requestId());
                    } catch (RuntimeException e) {
                        throw rethrow(
                                PluginException.guard(
                                        MAPPING, () -> OpenAiErrors.map(e, request.requestId())));
                    }
                }

                @Override
                public UnifiedChatResponse stream(ChatRequest request, Consumer<ChatChunk> chunks) {
                    ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
                    try (StreamResponse<ChatCompletionChunk> s =
                            client.chat()
                                    .completions()
                                    .createStreaming(OpenAiRequests.params(request))) {
                        Iterator<ChatCompletionChunk> it = s.stream().iterator();
                        while (it.hasNext()) {
                            ChatCompletionChunk c = it.next();
                            acc.accumulate(c);
                            chunks.accept(OpenAiStreams.chunk(c));
                        }
                        return OpenAiStreams.response(acc, request.requestId());
                    } catch (RuntimeException e) {
                        throw rethrow(OpenAiErrors.map(e, request.requestId()));
                    }
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        }
    }

    private static final class Async implements PathUnderTest {
        @Override
        public String name() {
            return "okhttp/async";
        }

        @Override
        public PathKind kind() {
            return PathKind.FUTURE;
        }

        @Override
        public ClientUnderTest open(ClientSetup setup) {
            OpenAIClientAsync client =
                    OpenAIOkHttpClientAsync.builder()
                            .baseUrl(setup.baseUrl() + "/v1")
                            .apiKey(setup.apiKey())
                            .maxRetries(setup.config().maxRetries())
                            .timeout(timeout(setup.config()))
                            .clock(setup.config().retryClock())
                            .sleeper(new OpenAiSleeper(setup.sleeper()))
                            .build();
            return new FutureClient() {
                @Override
                public CompletableFuture<UnifiedChatResponse> submit(ChatRequest request) {
                    CompletableFuture<HttpResponseFor<ChatCompletion>> raw =
                            client.chat()
                                    .completions()
                                    .withRawResponse()
                                    .create(OpenAiRequests.params(request));
                    CompletableFuture<UnifiedChatResponse> result = new CompletableFuture<>();
                    // Completes the caller's future whatever happens in here: a throwable
                    // escaping
                    // this callback would be swallowed and the call would hang until its bound.
                    raw.whenComplete(
                            (r, e) -> {
                                try {
                                    result.complete(
                                            e == null
                                                    ? parseOrMap(r, request.requestId())
                                                    : throwMapped(e, request.requestId()));
                                } catch (Throwable t) {
                                    result.completeExceptionally(t);
                                }
                            });
                    // a cancel of the caller's future must reach the client's own
                    result.whenComplete(
                            (r, e) -> {
                                if (result.isCancelled()) {
                                    raw.cancel(true);
                                }
                            });
                    return result;
                }

                @Override
                public CompletableFuture<UnifiedChatResponse> submitStream(
                        ChatRequest request, Consumer<ChatChunk> chunks) {
                    String id = request.requestId();
                    ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
                    CompletableFuture<UnifiedChatResponse> result = new CompletableFuture<>();
                    AsyncStreamResponse<ChatCompletionChunk> s =
                            client.chat()
                                    .completions()
                                    .createStreaming(OpenAiRequests.params(request));
                    s.subscribe(
                            new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
                                @Override
                                public void onNext(ChatCompletionChunk c) {
                                    acc.accumulate(c);
                                    chunks.accept(OpenAiStreams.chunk(c));
                                }

                                @Override
                                public void onComplete(Optional<Throwable> error) {
                                    if (error.isPresent()) {
                                        result.completeExceptionally(
                                                OpenAiErrors.map(error.get(), id));
                                        return;
                                    }
                                    try {
                                        result.complete(OpenAiStreams.response(acc, id));
                                    } catch (RuntimeException e) {
                                        result.completeExceptionally(OpenAiErrors.map(e, id));
                                    }
                                }
                            });
                    // a cancel of the caller's future must close the client's stream
                    result.whenComplete(
                            (r, e) -> {
                                if (result.isCancelled()) {
                                    s.close();
                                }
                            });
                    return result;
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        }
    }
}
