package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where the caller's future completes, and so where a stage attached to it without an executor
 * runs: on the adapter's pool by default, on the thread that completed the transport's future with
 * {@link ContinuationExecutor#TRANSPORT_THREAD}. The transport here completes its future from a
 * thread of the test's own, named so that the stage can tell.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContinuationExecutorTest {

    private static final String IO_THREAD = "test-transport-io";
    private static final ChatRequest REQUEST = ChatRequest.of("m", List.of(ChatMessage.user("hi")));

    @Test
    void ownedPool_completesTheCallersFutureOnThePool() throws Exception {
        assertThat(completingThread(ContinuationExecutor.OWNED_POOL)).startsWith("dualpath-async-");
    }

    @Test
    void transportThread_completesTheCallersFutureOnTheTransportsThread() throws Exception {
        assertThat(completingThread(ContinuationExecutor.TRANSPORT_THREAD)).isEqualTo(IO_THREAD);
    }

    /**
     * Runs one call whose exchange fails with an I/O error completed on {@link #IO_THREAD}, and
     * returns the name of the thread a stage attached before the completion ran on; the call must
     * fail with the adapter's typed error whatever the executor.
     */
    private static String completingThread(ContinuationExecutor kind) throws Exception {
        CompletableFuture<WireResponse> exchange = new CompletableFuture<>();
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-test"))
                        .withRetries(RetryPolicy.none())
                        .withContinuations(kind);
        try (CerebrasAdapter adapter =
                CerebrasAdapter.create(
                        config,
                        request -> {
                            throw new AssertionError("the async path must not block");
                        },
                        request -> exchange,
                        null)) {
            CompletableFuture<UnifiedChatResponse> result = adapter.invoke(REQUEST);
            CompletableFuture<String> stageThread =
                    result.handle((r, e) -> Thread.currentThread().getName());
            Thread io =
                    new Thread(
                            () -> exchange.completeExceptionally(new IOException("reset")),
                            IO_THREAD);
            io.start();
            io.join(TimeUnit.SECONDS.toMillis(30));
            String name = stageThread.get(30, TimeUnit.SECONDS);
            assertThat(result)
                    .failsWithin(30, TimeUnit.SECONDS)
                    .withThrowableThat()
                    .havingCause()
                    .isInstanceOf(ProviderException.class);
            return name;
        }
    }
}
