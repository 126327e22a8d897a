package dev.dualpath.conformance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RawSocketServerTest {

    private static final String BODY = CannedBodies.success();
    private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);

    @Test
    void plainAttempt_isServedWithKeepAliveAndCounted() throws Exception {
        try (RawSocketServer raw =
                RawSocketServer.start(ServerScript.always(AttemptScript.json(200, BODY)))) {
            HttpResponse<String> first = Http.post(raw.baseUrl());
            HttpResponse<String> second = Http.post(raw.baseUrl());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(BODY);
            assertThat(raw.chatRequestCount()).isEqualTo(2);
            assertThat(raw.connectionCount())
                    .as("the second call reused the kept-alive connection")
                    .isEqualTo(1);
        }
    }

    @Test
    void perAttemptScript_isFollowedInOrder() throws Exception {
        try (RawSocketServer raw =
                RawSocketServer.start(
                        ServerScript.sequence(
                                AttemptScript.json(503, "{}"), AttemptScript.json(200, BODY)))) {
            assertThat(Http.post(raw.baseUrl()).statusCode()).isEqualTo(503);
            assertThat(Http.post(raw.baseUrl()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tcpWarming_isAnsweredAndNotCounted() throws Exception {
        try (RawSocketServer raw =
                RawSocketServer.start(ServerScript.always(AttemptScript.json(200, BODY)))) {
            assertThat(Http.warm(raw.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(raw.chatRequestCount()).isZero();
        }
    }

    @Test
    void contentLengthMismatch_closesBeforeTheAnnouncedBytes() {
        try (RawSocketServer raw =
                RawSocketServer.start(
                        ServerScript.always(
                                AttemptScript.json(200, BODY)
                                        .withFault(Fault.CONTENT_LENGTH_MISMATCH)))) {
            assertThatThrownBy(() -> Http.post(raw.baseUrl())).isInstanceOf(IOException.class);
            assertThat(raw.chatRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void contentLengthMismatch_announcesMoreBytesThanItSends() throws Exception {
        try (RawSocketServer raw =
                        RawSocketServer.start(
                                ServerScript.always(
                                        AttemptScript.json(200, BODY)
                                                .withFault(Fault.CONTENT_LENGTH_MISMATCH)));
                Socket socket = connect(raw.baseUrl())) {
            sendChatPost(socket.getOutputStream());
            String response =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(response)
                    .contains("Content-Length: " + (BODY_BYTES.length + 100))
                    .endsWith(BODY);
        }
    }

    @Test
    void stallMidBody_sendsHalfTheBodyThenSeesTheClientClose() throws Exception {
        try (RawSocketServer raw =
                RawSocketServer.start(
                        ServerScript.always(
                                AttemptScript.json(200, BODY).withFault(Fault.STALL_MID_BODY)))) {
            try (Socket socket = connect(raw.baseUrl())) {
                sendChatPost(socket.getOutputStream());
                byte[] head = readUntilHeadersEnd(socket.getInputStream());
                assertThat(new String(head, StandardCharsets.ISO_8859_1))
                        .contains("Content-Length: " + BODY_BYTES.length);
                await().atMost(Duration.ofSeconds(20)).until(() -> raw.stalledBodyCount() == 1);
                byte[] half = socket.getInputStream().readNBytes(BODY_BYTES.length / 2);
                assertThat(new String(half, StandardCharsets.UTF_8))
                        .isEqualTo(BODY.substring(0, BODY_BYTES.length / 2));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> raw.clientAbortCount() == 1);
        }
    }

    @Test
    void delayedHeaders_seeTheClientCloseBeforeTheDelayEnds() throws Exception {
        try (RawSocketServer raw =
                RawSocketServer.start(
                        ServerScript.always(
                                AttemptScript.json(200, BODY).withDelay(Duration.ofSeconds(10))))) {
            try (Socket socket = connect(raw.baseUrl())) {
                sendChatPost(socket.getOutputStream());
                await().atMost(Duration.ofSeconds(20)).until(() -> raw.chatRequestCount() == 1);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> raw.clientAbortCount() == 1);
        }
    }

    @Test
    void closeKeepAlive_closesTheConnectionAfterAFullResponse() throws Exception {
        try (RawSocketServer raw =
                        RawSocketServer.start(
                                ServerScript.always(
                                        AttemptScript.json(200, BODY)
                                                .withFault(Fault.CLOSE_KEEPALIVE)));
                Socket socket = connect(raw.baseUrl())) {
            sendChatPost(socket.getOutputStream());
            String response =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(response).contains("Connection: keep-alive").endsWith(BODY);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> raw.serverClosedConnectionCount() == 1);
        }
    }

    /**
     * The stale keep-alive story: a client pooled the connection, the server closed it; the next
     * call must still succeed, and the server must have received each POST exactly once.
     */
    @Test
    void closeKeepAlive_letsTheTestCountEveryPostReceived() throws Exception {
        try (RawSocketServer raw =
                RawSocketServer.start(
                        ServerScript.always(
                                AttemptScript.json(200, BODY).withFault(Fault.CLOSE_KEEPALIVE)))) {
            assertThat(Http.post(raw.baseUrl()).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> raw.serverClosedConnectionCount() == 1);
            assertThat(Http.post(raw.baseUrl()).statusCode()).isEqualTo(200);

            assertThat(raw.chatRequestCount()).isEqualTo(2);
            assertThat(raw.connectionCount()).isEqualTo(2);
        }
    }

    @Test
    void exhaustedScript_answers500() throws Exception {
        try (RawSocketServer raw =
                RawSocketServer.start(
                        new ServerScript(
                                java.util.List.of(AttemptScript.json(200, BODY)),
                                false,
                                Backend.RAW_SOCKET))) {
            Http.post(raw.baseUrl());
            HttpResponse<String> extra = Http.post(raw.baseUrl());

            assertThat(extra.statusCode()).isEqualTo(500);
            assertThat(extra.body()).contains("script exhausted");
        }
    }

    @Test
    void chunkedRequestBody_isReadToItsEnd() throws Exception {
        try (RawSocketServer raw =
                        RawSocketServer.start(ServerScript.always(AttemptScript.json(200, BODY)));
                Socket socket = connect(raw.baseUrl())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("""
                    POST /v1/chat/completions HTTP/1.1
                    Host: x
                    Transfer-Encoding: chunked

                    5
                    hello
                    0

                    """)
                            .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            assertThat(
                            new String(
                                    readUntilHeadersEnd(socket.getInputStream()),
                                    StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 200");
            assertThat(raw.chatRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void close_endsOpenConnectionsAndStopsListening() throws Exception {
        RawSocketServer raw =
                RawSocketServer.start(
                        ServerScript.always(
                                AttemptScript.json(200, BODY).withFault(Fault.STALL_MID_BODY)));
        URI base = raw.baseUrl();
        try (Socket socket = connect(base)) {
            sendChatPost(socket.getOutputStream());
            await().atMost(Duration.ofSeconds(20)).until(() -> raw.stalledBodyCount() == 1);

            raw.close();

            InputStream in = socket.getInputStream();
            readUntilHeadersEnd(in);
            assertThat(in.readAllBytes()).hasSize(BODY_BYTES.length / 2);
        }
        assertThatThrownBy(() -> connect(base)).isInstanceOf(ConnectException.class);
    }

    @Test
    void refusedBaseUrl_refusesConnections() {
        URI base = RawSocketServer.refusedBaseUrl();

        assertThatThrownBy(() -> connect(base)).isInstanceOf(ConnectException.class);
    }

    private static Socket connect(URI base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void sendChatPost(OutputStream out) throws IOException {
        byte[] body = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
        out.write(
                ("POST /v1/chat/completions HTTP/1.1\r\n"
                                + "Host: x\r\n"
                                + "Content-Type: application/json\r\n"
                                + "Content-Length: "
                                + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static byte[] readUntilHeadersEnd(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed before the end of the headers");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }
}
