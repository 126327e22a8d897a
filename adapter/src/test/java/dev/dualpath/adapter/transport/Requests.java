package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.WireRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Requests and configs shared by the transport tests. */
final class Requests {

    /**
     * A WireMock server as every transport test needs it: loopback, dynamic port, HTTP/1.1 only (no
     * h2c upgrade, so faults hit one request, docs/calibration.md#http-version) and gzip off (so
     * what is tested is the transport, not compression, docs/calibration.md#gzip).
     */
    static com.github.tomakehurst.wiremock.junit5.WireMockExtension loopbackServer() {
        return com.github.tomakehurst.wiremock.junit5.WireMockExtension.newInstance()
                .options(
                        com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                                .dynamicPort()
                                .bindAddress("127.0.0.1")
                                .http2PlainDisabled(true)
                                .gzipDisabled(true))
                .build();
    }

    static final String PATH = "/v1/chat/completions";
    static final String BODY =
            "{\"model\":\"llama3.1-8b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /**
     * Short limits for tests whose server is slower than them by construction (a 4 s delay against
     * a 1 s read timeout): the timeout can only come later on a busy machine, never be avoided, so
     * the outcome is one-sided. A test whose expected outcome is not a timeout must not use it: a
     * cold WireMock on a loaded machine took over a second to play a fault, and the 1 s read
     * timeout fired first.
     */
    static final TransportConfig FAST_FAIL =
            new TransportConfig(
                    Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10), 4);

    /**
     * Limits no healthy exchange on a busy machine comes near: for tests that expect success, or a
     * failure that is not a timeout (a fault, a refused connection, a short body).
     */
    static final TransportConfig GENEROUS =
            new TransportConfig(
                    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), 4);

    private Requests() {}

    static WireRequest post(int port) {
        return new WireRequest(
                URI.create("http://127.0.0.1:" + port + PATH),
                "POST",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer test-key"),
                BODY.getBytes(StandardCharsets.UTF_8));
    }

    static WireRequest get(int port, String path) {
        return new WireRequest(
                URI.create("http://127.0.0.1:" + port + path), "GET", Map.of(), null);
    }
}
