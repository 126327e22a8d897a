package dev.dualpath.adapter.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Successful exchanges: what arrives at the server and what comes back, for every mode. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransportExchangeTest {

    @RegisterExtension static final WireMockExtension SERVER = Requests.loopbackServer();

    private Transport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    private WireResponse call(Mode mode, WireRequest request) {
        transport = mode.kind.create(Requests.GENEROUS);
        return mode.delivery.call(transport, request);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void status200_returnsBodyAndLowerCasedHeaders(Mode mode) {
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("X-RateLimit-Remaining-Requests", "99")
                                        .withBody("{\"id\":\"chatcmpl-1\"}")));

        WireResponse response = call(mode, Requests.post(SERVER.getPort()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"chatcmpl-1\"}");
        assertThat(response.headers())
                .containsEntry("x-ratelimit-remaining-requests", List.of("99"));
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(response.timeToFirstByte()).isNotNull().isPositive();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void status500_isAResponseNotAFailure(Mode mode) {
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"boom\"}")));

        WireResponse response = call(mode, Requests.post(SERVER.getPort()));

        assertThat(response.status()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"boom\"}");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void emptyBody_isAnEmptyArray(Mode mode) {
        SERVER.stubFor(get("/empty").willReturn(aResponse().withStatus(204)));

        WireResponse response = call(mode, Requests.get(SERVER.getPort(), "/empty"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void largeBody_arrivesWhole(Mode mode) {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        SERVER.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(big)));

        WireResponse response = call(mode, Requests.get(SERVER.getPort(), "/big"));

        assertThat(response.body()).isEqualTo(big);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void request_arrivesAsSent_overHttp11_withoutGzip(Mode mode) {
        SERVER.stubFor(post(Requests.PATH).willReturn(aResponse().withStatus(200).withBody("{}")));

        call(mode, Requests.post(SERVER.getPort()));

        SERVER.verify(
                1,
                postRequestedFor(urlEqualTo(Requests.PATH))
                        .withHeader("Authorization", equalTo("Bearer test-key"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalTo(Requests.BODY)));
        LoggedRequest logged = SERVER.getAllServeEvents().get(0).getRequest();
        assertThat(logged.getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(logged.containsHeader("Accept-Encoding"))
                .as("Accept-Encoding sent: %s", logged.getHeader("Accept-Encoding"))
                .isFalse();
        assertThat(logged.containsHeader("Upgrade")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void headersTheClientManages_areLeftToTheClient(Mode mode) {
        SERVER.stubFor(post(Requests.PATH).willReturn(aResponse().withStatus(200).withBody("{}")));
        WireRequest plain = Requests.post(SERVER.getPort());
        Map<String, String> headers = new HashMap<>(plain.headers());
        headers.put("Content-Length", "1");
        headers.put("Connection", "close");
        headers.put("Host", "example.invalid");

        WireResponse response =
                call(mode, new WireRequest(plain.uri(), "POST", headers, plain.body()));

        assertThat(response.status()).isEqualTo(200);
        SERVER.verify(
                1,
                postRequestedFor(urlEqualTo(Requests.PATH))
                        .withRequestBody(equalTo(Requests.BODY)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void repeatedCalls_onOneTransport_allSucceed(Mode mode) {
        SERVER.stubFor(get("/ping").willReturn(aResponse().withStatus(200).withBody("pong")));
        transport = mode.kind.create(Requests.GENEROUS);
        URI uri = URI.create("http://127.0.0.1:" + SERVER.getPort() + "/ping");

        for (int i = 0; i < 5; i++) {
            WireResponse r =
                    mode.delivery.call(transport, new WireRequest(uri, "GET", Map.of(), null));
            assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo("pong");
        }
    }
}
