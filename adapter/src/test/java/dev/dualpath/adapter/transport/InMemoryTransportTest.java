package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class InMemoryTransportTest {

    private static final WireResponse OK =
            new WireResponse(
                    200,
                    Map.of("X-Id", List.of("1")),
                    "{}".getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void answersWithTheRespondersResponse(Delivery delivery) {
        AtomicReference<WireRequest> seen = new AtomicReference<>();
        try (InMemoryTransport transport =
                InMemoryTransport.answering(
                        request -> {
                            seen.set(request);
                            return OK;
                        })) {
            WireRequest request = Requests.post(1);

            assertThat(delivery.call(transport, request)).isSameAs(OK);
            assertThat(seen.get()).isSameAs(request);
        }
    }

    @Test
    void fixed_answersEveryRequestAlike() {
        try (InMemoryTransport transport = InMemoryTransport.fixed(OK)) {
            assertThat(transport.execute(Requests.post(1))).isSameAs(OK);
            assertThat(transport.execute(Requests.get(2, "/other"))).isSameAs(OK);
        }
    }

    @Test
    void executeAsync_withoutExecutor_returnsACompletedFuture() {
        try (InMemoryTransport transport = InMemoryTransport.fixed(OK)) {
            assertThat(transport.executeAsync(Requests.post(1))).isCompletedWithValue(OK);
        }
    }

    @Test
    void executeAsync_withExecutor_completesOnIt() throws Exception {
        ExecutorService executor =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "in-memory-completer"));
        AtomicReference<String> thread = new AtomicReference<>();
        try (InMemoryTransport transport =
                InMemoryTransport.answering(
                                request -> {
                                    thread.set(Thread.currentThread().getName());
                                    return OK;
                                })
                        .completingOn(executor)) {
            assertThat(transport.executeAsync(Requests.post(1)).get(5, TimeUnit.SECONDS))
                    .isSameAs(OK);
            assertThat(thread.get()).isEqualTo("in-memory-completer");
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void extraDelay_makesEveryCallTakeAtLeastThatLong(Delivery delivery) {
        Duration delay = Duration.ofMillis(20);
        try (InMemoryTransport transport = InMemoryTransport.fixed(OK).withExtraDelay(delay)) {
            long start = System.nanoTime();
            delivery.call(transport, Requests.post(1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
        }
    }

    @Test
    void responderFailure_isThrownOrFailsTheFutureUnwrapped() {
        TransportFailure failure =
                new TransportFailure(
                        TransportFailure.Kind.CONNECTION_FAILED, "connection failed", null);
        try (InMemoryTransport transport =
                InMemoryTransport.answering(
                        request -> {
                            throw failure;
                        })) {
            assertThatThrownBy(() -> transport.execute(Requests.post(1))).isSameAs(failure);
            CompletableFuture<WireResponse> future = transport.executeAsync(Requests.post(1));
            assertThat(future)
                    .failsWithin(Duration.ofSeconds(20))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isSameAs(failure);
        }
    }

    @Test
    void badArguments_areRejectedNamingTheField() {
        assertThatThrownBy(() -> InMemoryTransport.fixed(OK).withExtraDelay(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extraDelay");
        assertThatThrownBy(() -> InMemoryTransport.answering(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("responder");
        assertThatThrownBy(() -> InMemoryTransport.fixed(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("response");
    }

    @Test
    void responderReturningNull_isAClearError() {
        try (InMemoryTransport transport = InMemoryTransport.answering(request -> null)) {
            assertThatThrownBy(() -> transport.execute(Requests.post(1)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("responder returned null");
        }
    }

    @Test
    void callsAfterClose_areRefused() {
        InMemoryTransport transport = InMemoryTransport.fixed(OK);
        transport.close();

        assertThatThrownBy(() -> transport.execute(Requests.post(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.executeAsync(Requests.post(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
