package dev.dualpath.adapter.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interrupting a blocked caller and cancelling a future both abort the exchange promptly. The
 * transport's own limits (2 min) are far longer than any wait here (20 s), so only the interrupt or
 * the cancel can end these calls, or close their connections, in time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportCancellationTest {

    private static final TransportConfig PATIENT =
            new TransportConfig(
                    Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofMinutes(2), 4);
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @RegisterExtension static final WireMockExtension SERVER = Requests.loopbackServer();

    private Transport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    /** What a blocked caller saw when it was interrupted. */
    private static final class Caller {
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final AtomicBoolean flagAfterwards = new AtomicBoolean();
        final Thread thread;

        Caller(Transport transport, WireRequest request) {
            thread =
                    new Thread(
                            () -> {
                                try {
                                    transport.execute(request);
                                } catch (Throwable t) {
                                    thrown.set(t);
                                }
                                flagAfterwards.set(Thread.currentThread().isInterrupted());
                            },
                            "blocked-caller");
            thread.start();
        }

        private static String stackOf(Thread t) {
            StringBuilder sb = new StringBuilder();
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("  at ").append(e).append(System.lineSeparator());
            }
            return sb.toString();
        }

        void interruptAndAssertCancelled() throws InterruptedException {
            thread.interrupt();
            thread.join(PROMPTLY.toMillis());
            assertThat(thread.isAlive())
                    .as(
                            "caller still blocked %s after interrupt, at:%n%s",
                            PROMPTLY, stackOf(thread))
                    .isFalse();
            assertThat(thrown.get())
                    .isInstanceOfSatisfying(
                            TransportFailure.class,
                            f -> {
                                assertThat(f.kind()).isEqualTo(TransportFailure.Kind.CANCELLED);
                                assertThat(f.getMessage()).isEqualTo(Failures.CANCELLED);
                            });
            assertThat(flagAfterwards).as("interrupt flag restored").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void interruptWhileWaitingForHeaders_abortsWithCancelled(TransportKind kind)
            throws InterruptedException {
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(
                                aResponse().withStatus(200).withBody("{}").withFixedDelay(5000)));
        transport = kind.create(PATIENT);

        Caller caller = new Caller(transport, Requests.post(SERVER.getPort()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !SERVER.getAllServeEvents().isEmpty());

        caller.interruptAndAssertCancelled();
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void interruptWhileReadingBody_abortsWithCancelled(TransportKind kind) throws Exception {
        try (RawHttpServer server =
                new RawHttpServer(
                        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":",
                        RawHttpServer.Then.STALL)) {
            transport = kind.create(PATIENT);

            Caller caller = new Caller(transport, Requests.post(server.port()));
            // Headers and part of the body are on the wire; the client is (almost surely) in the
            // body phase. Either phase must give the same result, so the rare race is harmless.
            assertThat(server.responded().await(5, TimeUnit.SECONDS)).isTrue();

            caller.interruptAndAssertCancelled();
            await().atMost(Duration.ofSeconds(20)).until(() -> server.clientClosedCount() == 1);
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void alreadyInterruptedCaller_isCancelledAndKeepsItsFlag(TransportKind kind) {
        transport = kind.create(PATIENT);
        Thread.currentThread().interrupt();
        try {
            TransportFailure failure =
                    org.assertj.core.api.Assertions.catchThrowableOfType(
                            TransportFailure.class,
                            () -> transport.execute(Requests.post(SERVER.getPort())));

            assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.CANCELLED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(SERVER.getAllServeEvents()).as("no request sent").isEmpty();
    }

    /**
     * Cancelling the future closes the connection (the server sees its end of stream) and, for
     * Apache, returns the lease to the pool. The JDK exposes no pool statistics, so for it the
     * closed connection is the evidence.
     */
    @ParameterizedTest
    @MethodSource("kindsAndConnections")
    void cancelledFuture_abortsTheExchange(TransportKind kind, Connection connection)
            throws Exception {
        try (RawHttpServer server = connection.server("", RawHttpServer.Then.STALL)) {
            transport = kind.create(PATIENT);
            connection.prepare(transport, Delivery.ASYNC, server);

            CompletableFuture<WireResponse> future =
                    transport.executeAsync(Requests.post(server.port()));
            assertThat(server.requestReceived().await(5, TimeUnit.SECONDS)).isTrue();
            future.cancel(true);

            assertThat(future).isCancelled();
            await().atMost(Duration.ofSeconds(20)).until(() -> server.clientClosedCount() == 1);
            if (transport instanceof ApacheHttpTransport) {
                ApacheHttpTransport apache = (ApacheHttpTransport) transport;
                await().atMost(Duration.ofSeconds(20)).until(() -> apache.leasedConnections() == 0);
            }
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kindsAndConnections")
    void cancelledFutureWhileReadingBody_abortsTheExchange(
            TransportKind kind, Connection connection) throws IOException, InterruptedException {
        try (RawHttpServer server =
                connection.server(
                        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":",
                        RawHttpServer.Then.STALL)) {
            transport = kind.create(PATIENT);
            connection.prepare(transport, Delivery.ASYNC, server);

            CompletableFuture<WireResponse> future =
                    transport.executeAsync(Requests.post(server.port()));
            assertThat(server.responded().await(5, TimeUnit.SECONDS)).isTrue();
            future.cancel(true);

            assertThat(future).isCancelled();
            await().atMost(Duration.ofSeconds(20)).until(() -> server.clientClosedCount() == 1);
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    static Stream<Arguments> kindsAndConnections() {
        return Connection.eachWith(TransportKind.values());
    }
}
