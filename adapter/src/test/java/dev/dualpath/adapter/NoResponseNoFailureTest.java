package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.secret.ApiKey;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A transport that breaks its contract by ending an attempt with neither a response nor a failure
 * gets the same typed error on both paths, never a bare NullPointerException.
 */
class NoResponseNoFailureTest {

    private static final AdapterConfig CONFIG =
            AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-test"))
                    .withRetries(RetryPolicy.none());
    private static final ChatRequest REQUEST = ChatRequest.of("m", List.of(ChatMessage.user("hi")));

    @Test
    void sync_nullResponse_isAConnectionFailure() {
        try (CerebrasAdapter adapter =
                CerebrasAdapter.create(
                        CONFIG, request -> null, request -> new CompletableFuture<>(), null)) {
            assertThatThrownBy(() -> adapter.invokeSync(REQUEST))
                    .isInstanceOf(ConnectionFailureException.class)
                    .hasMessageContaining("no response and no exception");
        }
    }

    @Test
    void async_nullResponse_isTheSameConnectionFailure() {
        try (CerebrasAdapter adapter =
                CerebrasAdapter.create(
                        CONFIG,
                        request -> {
                            throw new AssertionError("the async path must not block");
                        },
                        request -> CompletableFuture.completedFuture(null),
                        null)) {
            CompletableFuture<?> result = adapter.invoke(REQUEST);
            assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ConnectionFailureException.class)
                    .hasMessageContaining("no response and no exception");
            assertThat(result).isCompletedExceptionally();
        }
    }
}
