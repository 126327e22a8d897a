package dev.dualpath.adapter.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dualpath.adapter.wire.TransportFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an exchange can fail maps to the same kind and message on every mode. A test that
 * expects a timeout gives the server more time than the limit by construction (one-sided: a busy
 * machine can only make the timeout later); a test that expects anything else gives limits no
 * healthy exchange comes near; all have a test-level bound.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransportFailureTest {

    @RegisterExtension static final WireMockExtension SERVER = Requests.loopbackServer();

    private Transport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    private TransportFailure failure(Mode mode, TransportConfig config, int port) {
        transport = mode.kind.create(config);
        TransportFailure failure =
                catchThrowableOfType(
                        TransportFailure.class,
                        () -> mode.delivery.call(transport, Requests.post(port)));
        assertThat(failure).as("expected a TransportFailure").isNotNull();
        if (transport instanceof ApacheHttpTransport) {
            ApacheHttpTransport apache = (ApacheHttpTransport) transport;
            await("connection returned to the pool")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> apache.leasedConnections() == 0);
        }
        return failure;
    }

    private static void assertKind(
            TransportFailure failure, TransportFailure.Kind kind, String message) {
        assertThat(failure.kind()).as("kind of %s", failure).isEqualTo(kind);
        assertThat(failure.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void headersSlowerThanReadTimeout_isHeadersTimeout(Mode mode) {
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(
                                aResponse().withStatus(200).withBody("{}").withFixedDelay(4000)));

        TransportFailure failure = failure(mode, Requests.FAST_FAIL, SERVER.getPort());

        assertKind(failure, TransportFailure.Kind.HEADERS_TIMEOUT, Failures.HEADERS_TIMEOUT);
        assertThat(failure.getCause()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void headersSlowerThanRequestTimeout_isHeadersTimeout(Mode mode) {
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(
                                aResponse().withStatus(200).withBody("{}").withFixedDelay(4000)));
        TransportConfig config =
                Requests.FAST_FAIL
                        .withReadTimeout(Duration.ofSeconds(10))
                        .withRequestTimeout(Duration.ofSeconds(1));

        assertKind(
                failure(mode, config, SERVER.getPort()),
                TransportFailure.Kind.HEADERS_TIMEOUT,
                Failures.HEADERS_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bodyStalledMidway_isBodyTimeout(Mode mode) throws IOException {
        // Headers and 11 of 100 body bytes, then silence longer than the read timeout. The read
        // timeout also bounds the wait for the headers, so it is long enough for a busy machine
        // to deliver them: only the stall can trip it.
        try (RawHttpServer server =
                new RawHttpServer(
                        """
                        HTTP/1.1 200 OK
                        Content-Type: application/json
                        Content-Length: 100

                        {"partial":\
                        """,
                        RawHttpServer.Then.STALL)) {

            assertKind(
                    failure(
                            mode,
                            Requests.FAST_FAIL.withReadTimeout(Duration.ofSeconds(3)),
                            server.port()),
                    TransportFailure.Kind.BODY_TIMEOUT,
                    Failures.BODY_TIMEOUT);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bodySteadyButLongerThanRequestTimeout_isBodyTimeout(Mode mode) {
        // Each gap (~600 ms) is within the read timeout; only the whole-attempt limit can stop it.
        // gzip is off on the server, so the chunks really are spread out (docs/calibration.md).
        // WireMock sends the headers with the first chunk, one gap after the request; the request
        // timeout leaves a busy machine 2.4 s more to deliver them, so only the body can trip it.
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody("x".repeat(200))
                                        .withChunkedDribbleDelay(20, 12_000)));
        TransportConfig config =
                Requests.FAST_FAIL
                        .withReadTimeout(Duration.ofSeconds(5))
                        .withRequestTimeout(Duration.ofSeconds(3));

        assertKind(
                failure(mode, config, SERVER.getPort()),
                TransportFailure.Kind.BODY_TIMEOUT,
                Failures.BODY_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void fewerBytesThanContentLength_thenClose_isConnectionFailed(Mode mode) throws IOException {
        try (RawHttpServer server =
                new RawHttpServer(
                        """
                        HTTP/1.1 200 OK
                        Content-Type: application/json
                        Content-Length: 100

                        {"partial":\
                        """,
                        RawHttpServer.Then.CLOSE)) {

            assertKind(
                    failure(mode, Requests.GENEROUS, server.port()),
                    TransportFailure.Kind.CONNECTION_FAILED,
                    Failures.CONNECTION_FAILED);
        }
    }

    static Stream<Arguments> modesAndFaults() {
        return Arrays.stream(Mode.values())
                .flatMap(
                        mode ->
                                Arrays.stream(Fault.values())
                                        .map(fault -> Arguments.of(mode, fault)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndFaults")
    void wireMockFault_isConnectionFailed(Mode mode, Fault fault) {
        SERVER.stubFor(post(Requests.PATH).willReturn(aResponse().withFault(fault)));

        // The fault ends the exchange; the limits only bound a hang. The 1 s silence limit of
        // FAST_FAIL raced the first fault in a cold JVM on a busy machine (HEADERS_TIMEOUT).
        TransportFailure failure = failure(mode, Requests.GENEROUS, SERVER.getPort());

        assertKind(failure, TransportFailure.Kind.CONNECTION_FAILED, Failures.CONNECTION_FAILED);
        assertThat(failure.getCause()).isNotNull();
    }

    /**
     * A listener that never accepts, its backlog filled by plain sockets: Linux then drops further
     * SYNs, so the next connect can only time out (no address outside 127.0.0.1 needed).
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void connectionNeverEstablished_isConnectTimeout(Mode mode) throws IOException {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 8; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(listener.getLocalSocketAddress(), 200);
                } catch (IOException backlogFull) {
                    break;
                }
            }
            TransportConfig config = Requests.FAST_FAIL.withConnectTimeout(Duration.ofMillis(500));

            assertKind(
                    failure(mode, config, listener.getLocalPort()),
                    TransportFailure.Kind.CONNECT_TIMEOUT,
                    Failures.CONNECT_TIMEOUT);
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void refusedConnection_isConnectionFailed(Mode mode) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertKind(
                failure(mode, Requests.GENEROUS, closedPort),
                TransportFailure.Kind.CONNECTION_FAILED,
                Failures.CONNECTION_FAILED);
    }
}
