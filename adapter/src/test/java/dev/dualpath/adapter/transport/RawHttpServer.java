package dev.dualpath.adapter.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted HTTP/1.1 server on 127.0.0.1 for behaviours WireMock cannot produce: it reads a
 * request, writes fixed bytes, then either closes or stalls (keeps the connection open, sending
 * nothing) until the client goes away. It records how many connections the client opened and how
 * many it closed.
 *
 * <p>Made with {@link #afterOneAnswer}, it first answers one request completely on a connection it
 * keeps open, so that the script runs on a connection the client took back from its pool: where a
 * client handles new and pooled connections differently, a test can try both.
 */
final class RawHttpServer implements AutoCloseable {

    /** What to do after writing the response bytes. */
    enum Then {
        CLOSE,
        STALL
    }

    static final String THREAD_PREFIX = "raw-http-server";

    /** The complete answer {@link #afterOneAnswer} gives first, on a connection it keeps open. */
    static final String ANSWER = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";

    private static final Pattern CONTENT_LENGTH =
            Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final ServerSocket server;
    private final byte[] response;
    private final Then then;
    private final AtomicInteger answersLeft;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch requestReceived = new CountDownLatch(1);
    private final CountDownLatch responded = new CountDownLatch(1);
    private final AtomicInteger clientClosed = new AtomicInteger();

    RawHttpServer(String response, Then then) throws IOException {
        this(response, then, 0);
    }

    private RawHttpServer(String response, Then then, int answers) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.response = response.getBytes(StandardCharsets.ISO_8859_1);
        this.then = then;
        this.answersLeft = new AtomicInteger(answers);
        start(this::acceptLoop, "accept");
    }

    /**
     * A server that answers the first request it gets with {@link #ANSWER}, keeping that connection
     * open, and every later one with the script.
     */
    static RawHttpServer afterOneAnswer(String response, Then then) throws IOException {
        return new RawHttpServer(response, then, 1);
    }

    /** Reads the request and never answers: the client waits for headers until it gives up. */
    static RawHttpServer silent() throws IOException {
        return new RawHttpServer("", Then.STALL);
    }

    int port() {
        return server.getLocalPort();
    }

    CountDownLatch requestReceived() {
        return requestReceived;
    }

    /** Counted down once the scripted bytes of the first exchange were written and flushed. */
    CountDownLatch responded() {
        return responded;
    }

    /** Connections the client opened. */
    int connectionCount() {
        return sockets.size();
    }

    /** Connections on which the client closed its end (read returned end of stream or failed). */
    int clientClosedCount() {
        return clientClosed.get();
    }

    private void start(Runnable task, String role) {
        Thread t = new Thread(task, THREAD_PREFIX + "-" + role);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                start(() -> serve(socket), "conn");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readRequest(in);
            while (answersLeft.getAndDecrement() > 0) {
                out.write(ANSWER.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                readRequest(in);
            }
            requestReceived.countDown();
            out.write(response);
            out.flush();
            responded.countDown();
            if (then == Then.STALL) {
                // Drain until the client gives up: end of stream means it closed the connection.
                byte[] sink = new byte[1024];
                while (in.read(sink) != -1) {
                    // discard any further bytes (a request body)
                }
                clientClosed.incrementAndGet();
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                clientClosed.incrementAndGet(); // reset by the client
            }
        }
    }

    /** Reads one request: its head, then as many body bytes as its Content-Length says. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Matcher length = CONTENT_LENGTH.matcher(head.toString(StandardCharsets.ISO_8859_1));
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
