package dev.dualpath.conformance.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on a raw {@link ServerSocket} (127.0.0.1, ephemeral port) that plays a
 * {@link ServerScript} including what WireMock cannot do: a {@code Content-Length} larger than the
 * body, a stall in the middle of the body, a server-side close of a kept-alive connection. It also
 * notices when the client closes a socket while the server is still delaying or stalling, which is
 * how a test proves that cancellation reached the socket.
 *
 * <p>One daemon thread accepts; each connection gets its own daemon thread, serving keep-alive
 * requests in a loop. {@link #close()} closes the listening socket and every connection and waits
 * (bounded) for the threads to end. {@code GET /v1/tcp_warming} is answered 200 and not counted;
 * other paths get an empty 404.
 *
 * <pre>{@code
 * try (RawSocketServer raw = RawSocketServer.start(ServerScript.always(
 *         AttemptScript.json(200, body).withFault(Fault.CLOSE_KEEPALIVE)))) {
 *     URI base = raw.baseUrl();          // http://127.0.0.1:PORT
 *     ... call twice ...
 *     raw.chatRequestCount();            // POSTs fully received: 2 means no POST was sent twice
 * }
 * }</pre>
 */
public final class RawSocketServer implements AutoCloseable {

    /** The longest a {@link Fault#STALL_MID_BODY} waits for the client before closing itself. */
    public static final Duration MAX_STALL = Duration.ofSeconds(30);

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ServerSocket listener;
    private final ServerScript script;
    private final Thread acceptThread;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger chatRequests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger serverCloses = new AtomicInteger();
    private final AtomicInteger clientAborts = new AtomicInteger();
    private final AtomicInteger bodiesStalled = new AtomicInteger();
    private volatile boolean closed;

    private RawSocketServer(ServerScript script) throws IOException {
        this.script = Objects.requireNonNull(script, "script");
        this.listener = new ServerSocket();
        listener.bind(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                FakeProvider.ACCEPT_QUEUE);
        this.acceptThread =
                new Thread(this::acceptLoop, "raw-socket-accept-" + listener.getLocalPort());
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    /**
     * Binds 127.0.0.1 on an ephemeral port and starts accepting.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static RawSocketServer start(ServerScript script) {
        try {
            return new RawSocketServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the raw socket server on 127.0.0.1", e);
        }
    }

    /**
     * A base URL on which every connection is refused: a port on 127.0.0.1 that was bound and
     * closed again. (Another process could grab the port in between; on a test machine that is
     * rare.)
     *
     * @throws UncheckedIOException if no port can be bound
     */
    public static URI refusedBaseUrl() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a port to release", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /**
     * Chat POSTs received in full (request line, headers and body), {@code tcp_warming} excluded.
     */
    public int chatRequestCount() {
        return chatRequests.get();
    }

    /** TCP connections accepted. */
    public int connectionCount() {
        return connections.get();
    }

    /**
     * Connections the server closed after a {@link Fault#CLOSE_KEEPALIVE} response (counted once
     * closed).
     */
    public int serverClosedConnectionCount() {
        return serverCloses.get();
    }

    /**
     * Connections the client closed (or reset) while the server was delaying its headers or
     * stalling its body.
     */
    public int clientAbortCount() {
        return clientAborts.get();
    }

    /**
     * Responses that began a {@link Fault#STALL_MID_BODY} stall: headers and half the body are out.
     */
    public int stalledBodyCount() {
        return bodiesStalled.get();
    }

    /**
     * Stops accepting, closes every connection, waits up to 2 s per thread for it to end.
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        sockets.forEach(RawSocketServer::closeQuietly);
        join(acceptThread);
        handlers.forEach(RawSocketServer::join);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // the listener was closed
            }
            connections.incrementAndGet();
            sockets.add(socket);
            Thread handler =
                    new Thread(() -> serve(socket), "raw-socket-conn-" + connections.get());
            handler.setDaemon(true);
            handlers.add(handler);
            handler.start();
        }
    }

    private void serve(Socket socket) {
        RawExchange.Outcome outcome = RawExchange.Outcome.CLIENT_CLOSED;
        try {
            // Each event is a small write on its own schedule: with Nagle's algorithm on, a write
            // waits for the ACK of the one before, which the client delays (about 40 ms on Linux),
            // so the first event after the headers came 40 ms late and time-to-first-token measured
            // the stack's ACK timer. Real SSE servers send with TCP_NODELAY.
            socket.setTcpNoDelay(true);
            outcome = new RawExchange(socket, script, chatRequests, bodiesStalled).serveUntilDone();
        } catch (IOException e) {
            // Reset or cut short by the client: nothing left to serve.
            outcome = RawExchange.Outcome.CLIENT_CLOSED;
        } finally {
            closeQuietly(socket);
            sockets.remove(socket);
            if (!closed) {
                if (outcome == RawExchange.Outcome.SERVER_CLOSED_KEEPALIVE) {
                    serverCloses.incrementAndGet();
                } else if (outcome == RawExchange.Outcome.CLIENT_ABORTED) {
                    clientAborts.incrementAndGet();
                }
            }
            handlers.remove(Thread.currentThread());
        }
    }

    private static void join(Thread t) {
        try {
            t.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the socket may already be gone
        }
    }
}
