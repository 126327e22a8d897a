package dev.dualpath.conformance.fake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves the keep-alive requests of one raw connection, following the script. */
final class RawExchange {

    /** How the connection ended. */
    enum Outcome {
        /** The client closed an idle connection, or a fault closed it: nothing notable. */
        CLIENT_CLOSED,
        /**
         * The client closed while the server was delaying or stalling: cancellation reached the
         * socket.
         */
        CLIENT_ABORTED,
        /** The server closed it after a {@link Fault#CLOSE_KEEPALIVE} response. */
        SERVER_CLOSED_KEEPALIVE,
        /** The server closed it on purpose (Content-Length mismatch, stall timeout, exhausted). */
        SERVER_CLOSED
    }

    private static final String CHAT_PATH = "/v1/chat/completions";
    private static final byte[] CRLF = {'\r', '\n'};

    /** How long {@link Fault#RESET_MID_BODY} waits after the first part before the reset. */
    private static final Duration RESET_AFTER = Duration.ofMillis(200);

    private static final String WARMING_PATH = "/v1/tcp_warming";

    private final Socket socket;
    private final ServerScript script;
    private final AtomicInteger chatRequests;
    private final AtomicInteger bodiesStalled;
    private final InputStream in;
    private final OutputStream out;

    RawExchange(
            Socket socket,
            ServerScript script,
            AtomicInteger chatRequests,
            AtomicInteger bodiesStalled)
            throws IOException {
        this.socket = socket;
        this.script = script;
        this.chatRequests = chatRequests;
        this.bodiesStalled = bodiesStalled;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    Outcome serveUntilDone() throws IOException {
        while (true) {
            // An idle keep-alive connection waits until the client or close() ends it.
            socket.setSoTimeout(0);
            RawRequest request = RawRequest.read(in, out);
            if (request == null) {
                return Outcome.CLIENT_CLOSED;
            }
            if (request.method().equals("GET") && request.path().equals(WARMING_PATH)) {
                writeResponse(
                        200,
                        Map.of("Content-Type", "application/json"),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        -1);
                continue;
            }
            if (!request.method().equals("POST") || !request.path().equals(CHAT_PATH)) {
                writeResponse(404, Map.of(), new byte[0], -1);
                continue;
            }
            AttemptScript attempt = script.attemptFor(chatRequests.incrementAndGet());
            if (attempt == null) {
                writeResponse(
                        500,
                        Map.of("Content-Type", "application/json"),
                        ServerScript.EXHAUSTED_BODY.getBytes(StandardCharsets.UTF_8),
                        -1);
                continue;
            }
            if (!waitUnlessClientCloses(attempt.delay())) {
                return Outcome.CLIENT_ABORTED;
            }
            Outcome ended = answer(attempt);
            if (ended != null) {
                return ended;
            }
        }
    }

    /**
     * Writes the attempt's answer (a dribbled body through its mode, a fault through the fault);
     * returns how the connection ended, or null to keep serving it.
     */
    private Outcome answer(AttemptScript attempt) throws IOException {
        byte[] body = attempt.body();
        if (attempt.fault() == null && attempt.sse() != null) {
            return writeStream(attempt) ? null : Outcome.CLIENT_ABORTED;
        }
        if (attempt.dribble() != null) {
            return attempt.dribble().mode().playOn(new RawStage(attempt), attempt.dribble());
        }
        if (attempt.fault() == null) {
            writeResponse(attempt.status(), attempt.headers(), body, -1);
            return "close".equalsIgnoreCase(attempt.headers().getOrDefault("Connection", ""))
                    ? Outcome.SERVER_CLOSED
                    : null;
        }
        return attempt.fault().playOn(new RawStage(attempt));
    }

    /** The raw-socket faults, played on this connection for one attempt. */
    private final class RawStage implements Fault.Stage<Outcome> {
        private final AttemptScript attempt;
        private final byte[] body;

        RawStage(AttemptScript attempt) {
            this.attempt = attempt;
            this.body = attempt.body();
        }

        @Override
        public Outcome contentLengthMismatch() throws IOException {
            writeResponse(attempt.status(), attempt.headers(), body, body.length + 100L);
            return Outcome.SERVER_CLOSED;
        }

        @Override
        public Outcome stallMidBody() throws IOException {
            if (!writeFirstPart(attempt)) {
                return Outcome.CLIENT_ABORTED;
            }
            bodiesStalled.incrementAndGet();
            return waitUnlessClientCloses(RawSocketServer.MAX_STALL)
                    ? Outcome.SERVER_CLOSED
                    : Outcome.CLIENT_ABORTED;
        }

        @Override
        public Outcome resetMidBody() throws IOException {
            if (!writeFirstPart(attempt)) {
                return Outcome.CLIENT_ABORTED;
            }
            // A reset discards whatever the receiver has not read yet: give the client time to
            // read what was sent, so that the break comes after it, as the script says.
            if (!waitUnlessClientCloses(RESET_AFTER)) {
                return Outcome.CLIENT_ABORTED;
            }
            socket.setSoLinger(true, 0);
            socket.close();
            return Outcome.SERVER_CLOSED;
        }

        @Override
        public Outcome closeKeepAlive() throws IOException {
            writeResponse(attempt.status(), attempt.headers(), body, -1);
            return Outcome.SERVER_CLOSED_KEEPALIVE;
        }

        @Override
        public Outcome wireMock(com.github.tomakehurst.wiremock.http.Fault fault) {
            throw Fault.Stage.cannotPlay(fault.name(), "the raw-socket server");
        }

        @Override
        public Outcome refused() {
            throw Fault.Stage.cannotPlay("REFUSED", "the raw-socket server");
        }

        /** Headers flushed at once, then each piece after its gap; null keeps the connection. */
        @Override
        public Outcome dribbleHeadersFirst(Dribble dribble) throws IOException {
            writeHead(attempt.status(), attempt.headers(), body.length);
            out.flush();
            return dribblePieces(dribble, false);
        }

        /** As WireMock: the headers leave with the first piece; null keeps the connection. */
        @Override
        public Outcome dribbleWithFirstPiece(Dribble dribble) throws IOException {
            return dribblePieces(dribble, true);
        }

        private Outcome dribblePieces(Dribble dribble, boolean headWithFirst) throws IOException {
            for (int i = 0; i < dribble.chunks(); i++) {
                if (!waitUnlessClientCloses(dribble.gap())) {
                    return Outcome.CLIENT_ABORTED;
                }
                if (i == 0 && headWithFirst) {
                    writeHead(attempt.status(), attempt.headers(), body.length);
                }
                int[] range = dribble.piece(i, body.length);
                out.write(body, range[0], range[1] - range[0]);
                out.flush();
            }
            return null;
        }
    }

    /**
     * What comes before a mid-body fault: the head and half the body, or every event of a stream.
     *
     * @return false if the client closed the connection meanwhile
     */
    private boolean writeFirstPart(AttemptScript attempt) throws IOException {
        if (attempt.sse() != null) {
            return writeStream(attempt, false);
        }
        byte[] body = attempt.body();
        writeHead(attempt.status(), attempt.headers(), body.length);
        out.write(body, 0, body.length / 2);
        out.flush();
        return true;
    }

    /** A whole streamed response; false if the client closed the connection meanwhile. */
    private boolean writeStream(AttemptScript attempt) throws IOException {
        return writeStream(attempt, true);
    }

    /**
     * The head with {@code Transfer-Encoding: chunked}, then each event on its schedule, each piece
     * an HTTP chunk flushed at once; then, if {@code end}, the last chunk.
     *
     * @return false if the client closed the connection meanwhile (a write failed, or the client
     *     closed during a gap)
     */
    private boolean writeStream(AttemptScript attempt, boolean end) throws IOException {
        SseScript sse = attempt.sse();
        StringBuilder head = statusLine(attempt.status(), attempt.headers());
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long start = System.nanoTime();
            long gap = sse.gap().toNanos();
            for (int k = 0; k < sse.events().size(); k++) {
                long due = start + (k + 1) * gap;
                long wait = due - System.nanoTime();
                if (wait > 0 && !waitUnlessClientCloses(Duration.ofNanos(wait))) {
                    return false;
                }
                for (byte[] piece : sse.pieces(sse.events().get(k))) {
                    out.write(
                            (Integer.toHexString(piece.length) + "\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(piece);
                    out.write(CRLF);
                    out.flush();
                }
            }
            if (end) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            return true;
        } catch (java.net.SocketException e) {
            return false; // the client closed or reset the connection while we wrote
        }
    }

    /**
     * Waits {@code delay} while watching the socket: returns false as soon as the client closes or
     * resets it, true when the delay ran out with the client still there.
     */
    private boolean waitUnlessClientCloses(Duration delay) throws IOException {
        long deadline = System.nanoTime() + delay.toNanos();
        while (true) {
            long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMillis <= 0) {
                return true;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            try {
                if (in.read() == -1) {
                    return false;
                }
                // A stray byte (a pipelined request) is dropped: no client under test pipelines.
            } catch (SocketTimeoutException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private void writeResponse(
            int status, Map<String, String> headers, byte[] body, long declaredLength)
            throws IOException {
        writeHead(status, headers, declaredLength < 0 ? body.length : declaredLength);
        out.write(body);
        out.flush();
    }

    private void writeHead(int status, Map<String, String> headers, long contentLength)
            throws IOException {
        StringBuilder head = statusLine(status, headers);
        head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The status line and headers (keep-alive unless they say otherwise), no blank line yet. */
    private static StringBuilder statusLine(int status, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (headers.keySet().stream().noneMatch("Connection"::equalsIgnoreCase)) {
            head.append("Connection: keep-alive\r\n");
        }
        return head;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }
}
