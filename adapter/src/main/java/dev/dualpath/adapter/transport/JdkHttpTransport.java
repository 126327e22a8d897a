package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} over one {@link HttpClient}, pinned to HTTP/1.1, built once and reused.
 *
 * <ul>
 *   <li>{@link #execute} uses {@code send()}, {@link #executeAsync} uses {@code sendAsync()}, both
 *       with the same body handler ({@link JdkExchange}). The async future completes on the
 *       transport's own two-thread executor, never on the common pool (on JDK 17 with ≤ 2 CPUs that
 *       pool starts a thread per task).
 *   <li>The client's request timeout covers only the headers, so it is set to {@code
 *       min(readTimeout, requestTimeout)}, and a {@link CallWatchdog} enforces both limits on the
 *       body: a body silent for {@code readTimeout}, or an attempt past {@code requestTimeout}, is
 *       aborted with {@code BODY_TIMEOUT}.
 *   <li>An interrupted {@link #execute} caller gets {@code CANCELLED} with its interrupt flag set,
 *       in either phase: {@code send()} waits interruptibly and cancels its exchange. (The body is
 *       not read through {@code BodyHandlers.ofInputStream()}: on JDK 17 its blocking read swallows
 *       interrupts, so a caller stuck on a stalled body could not be interrupted.) Cancelling the
 *       future of {@link #executeAsync} cancels the client's future, which aborts the exchange (JDK
 *       16+) and closes its connection.
 *   <li>No redirects, no {@code Accept-Encoding} (nothing is compressed). Connection and framing
 *       headers of a {@link WireRequest} are left to the client (see {@link ManagedHeaders}).
 *   <li>{@code maxConnections} is not enforced: the JDK client has no per-route cap for HTTP/1.1;
 *       it opens one connection per concurrent exchange and keeps them alive.
 * </ul>
 *
 * <p>{@link #close()} ends every thread of the transport: the executor, the watchdog and the
 * client's selector thread ({@link JdkClientShutdown}: {@code shutdownNow()} on JDK 21+; on 17–20,
 * where a client cannot be closed, its selector thread is interrupted, which ends it).
 */
public final class JdkHttpTransport implements Transport, StreamingTransport {

    private static final int EXECUTOR_THREADS = 2;

    private final long readTimeoutNanos;
    private final long requestTimeoutNanos;
    private final Duration headersTimeout;
    private final ExecutorService executor;
    private final CallWatchdog watchdog;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final @Nullable Thread selectorThread;

    /** How to end each call in flight when the transport closes under it. */
    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();

    private volatile @Nullable HttpClient client;

    /**
     * Builds the client and its executor; threads start lazily with the first call.
     *
     * @param config timeouts; {@code maxConnections} is not enforced by the JDK client
     * @throws NullPointerException if config is null
     */
    public JdkHttpTransport(TransportConfig config) {
        this.readTimeoutNanos = config.readTimeout().toNanos();
        this.requestTimeoutNanos = config.requestTimeout().toNanos();
        this.headersTimeout = min(config.readTimeout(), config.requestTimeout());
        int id = DaemonThreads.nextTransportId();
        this.executor =
                Executors.newFixedThreadPool(
                        EXECUTOR_THREADS, new DaemonThreads("dualpath-jdk" + id + "-exec"));
        this.watchdog = new CallWatchdog(new DaemonThreads("dualpath-jdk" + id + "-watchdog"));
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(executor)
                        .build();
        this.selectorThread = JdkClientShutdown.selectorThreadOf(client);
    }

    @Override
    public String name() {
        return "jdk";
    }

    /**
     * @throws TransportFailure if no complete response arrived
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public WireResponse execute(WireRequest request) {
        HttpClient c = openClient();
        if (Thread.currentThread().isInterrupted()) {
            throw Failures.interrupted(null);
        }
        HttpRequest jdkRequest = toJdkRequest(request);
        JdkExchange exchange =
                new JdkExchange(System.nanoTime(), requestTimeoutNanos, readTimeoutNanos, watchdog);
        Runnable onClose = exchange::abort;
        inFlight.add(onClose);
        try {
            return exchange.toWire(c.send(jdkRequest, exchange.handler()));
        } catch (InterruptedException e) {
            // send() cancels its own future; aborting the body as well makes sure the
            // connection is dropped when the interrupt came during the body.
            exchange.abort();
            throw Failures.interrupted(e);
        } catch (IOException e) {
            if (!exchange.call().finish()) {
                throw Failures.bodyTimeout(e);
            }
            throw Failures.isInterruption(e) ? Failures.interrupted(e) : classify(e);
        } catch (RuntimeException e) {
            throw classify(e);
        } finally {
            inFlight.remove(onClose);
            exchange.done();
        }
    }

    /**
     * Completes on this transport's executor with the response, or exceptionally with an unwrapped
     * {@link TransportFailure}. Cancelling the future aborts the exchange.
     *
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public CompletableFuture<WireResponse> executeAsync(WireRequest request) {
        HttpClient c = openClient();
        HttpRequest jdkRequest;
        try {
            jdkRequest = toJdkRequest(request);
        } catch (TransportFailure rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
        JdkExchange exchange =
                new JdkExchange(System.nanoTime(), requestTimeoutNanos, readTimeoutNanos, watchdog);
        AbortableFuture<WireResponse> result = new AbortableFuture<>();
        Runnable onClose =
                () -> {
                    exchange.abort();
                    result.completeExceptionally(Failures.cancelled(null));
                    result.abortUpstream();
                };
        inFlight.add(onClose);
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = c.sendAsync(jdkRequest, exchange.handler());
        } catch (RuntimeException e) {
            inFlight.remove(onClose);
            exchange.done();
            return CompletableFuture.failedFuture(classify(e));
        }
        result.upstream(() -> sent.cancel(true));
        var unused =
                sent.whenComplete(
                        (response, error) -> {
                            inFlight.remove(onClose);
                            exchange.done();
                            if (error == null) {
                                exchange.call().finish();
                                result.complete(exchange.toWire(response));
                            } else if (!exchange.call().finish()) {
                                result.completeExceptionally(Failures.bodyTimeout(error));
                            } else {
                                result.completeExceptionally(classify(error));
                            }
                        });
        return result;
    }

    /**
     * Sends with a body handler that hands the body over at the headers ({@link JdkStreamBody}),
     * waits for them interruptibly, and reads the body through {@link PublisherBlockingBody} one
     * item per read.
     *
     * @throws TransportFailure if no headers arrived ({@code CANCELLED} with the interrupt flag set
     *     when the caller was interrupted)
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public BlockingStream openStream(WireRequest request) {
        HttpClient c = openClient();
        if (Thread.currentThread().isInterrupted()) {
            throw Failures.interrupted(null);
        }
        HttpRequest jdkRequest = toJdkRequest(request);
        long start = System.nanoTime();
        JdkStreamBody body = startStream(c, jdkRequest, start);
        try {
            HttpResponse.ResponseInfo info = body.headers().get();
            return new BlockingStream(head(info, start, body), new PublisherBlockingBody(body));
        } catch (InterruptedException e) {
            body.abort();
            throw Failures.interrupted(e);
        } catch (ExecutionException e) {
            body.abort();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Failures.isInterruption(cause) ? Failures.interrupted(cause) : classify(cause);
        }
    }

    /**
     * The same exchange as {@link #openStream}; the future completes when the headers arrive.
     * Cancelling it before then aborts the exchange.
     *
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public CompletableFuture<AsyncStream> openStreamAsync(WireRequest request) {
        HttpClient c = openClient();
        JdkStreamBody body;
        long start = System.nanoTime();
        try {
            body = startStream(c, toJdkRequest(request), start);
        } catch (TransportFailure rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
        CompletableFuture<AsyncStream> result = new CompletableFuture<>();
        var unused =
                body.headers()
                        .whenComplete(
                                (info, error) -> {
                                    if (error != null) {
                                        body.abort();
                                        result.completeExceptionally(classify(error));
                                    } else if (!result.complete(
                                            new AsyncStream(head(info, start, body), body))) {
                                        body.abort(); // the caller gave up before the headers
                                    }
                                });
        var unusedOnCancel =
                result.whenComplete(
                        (stream, error) -> {
                            if (error instanceof CancellationException) {
                                body.abort();
                            }
                        });
        return result;
    }

    /**
     * Sends a streamed request: the body is watched from its headers on (the JDK's own request
     * timeout covers the headers, the watchdog the silences while bytes are awaited), and it is in
     * flight, so {@link #close()} aborts it, until it is over.
     *
     * @throws TransportFailure {@code REJECTED} if the client refuses the request
     */
    private JdkStreamBody startStream(HttpClient c, HttpRequest jdkRequest, long startNanos) {
        InFlightCall call =
                InFlightCall.forStream(startNanos + requestTimeoutNanos, readTimeoutNanos);
        JdkStreamBody body = new JdkStreamBody(call, watchdog);
        Runnable onClose = body::abort;
        inFlight.add(onClose);
        body.whenOver(() -> inFlight.remove(onClose));
        CompletableFuture<HttpResponse<AsyncBody>> sent;
        try {
            sent = c.sendAsync(jdkRequest, body.handler());
        } catch (RuntimeException e) {
            body.abort();
            throw classify(e);
        }
        body.exchange(sent);
        var unused =
                sent.whenComplete(
                        (response, error) -> {
                            if (error != null) {
                                body.failBeforeHeaders(error);
                            }
                        });
        return body;
    }

    private WireResponse head(HttpResponse.ResponseInfo info, long startNanos, JdkStreamBody body) {
        Duration timeToFirstByte = Duration.ofNanos(body.headersNanos() - startNanos);
        return new WireResponse(
                info.statusCode(), info.headers().map(), new byte[0], timeToFirstByte);
    }

    /**
     * The JDK's request for {@code request}.
     *
     * @throws TransportFailure {@code REJECTED} if the client refuses it (an invalid header value:
     *     the client's exception would quote the value, so it is not kept)
     */
    private HttpRequest toJdkRequest(WireRequest request) {
        try {
            byte[] body = request.body();
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(request.uri())
                            .timeout(headersTimeout)
                            .method(
                                    request.method(),
                                    body.length == 0
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofByteArray(body));
            request.headers()
                    .forEach(
                            (name, value) -> {
                                if (!ManagedHeaders.isManaged(name)) {
                                    builder.header(name, value);
                                }
                            });
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw Failures.rejected(e);
        }
    }

    /**
     * Maps a JDK client failure to the transport-independent kinds. Always a {@link
     * TransportFailure}: anything that is not a network failure (the client refusing a request,
     * which it reports as an {@code IllegalArgumentException} quoting the offending header value)
     * is {@code REJECTED}, without the client's exception.
     */
    private static TransportFailure classify(Throwable error) {
        Throwable e =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        if (e instanceof TransportFailure f) {
            return f;
        }
        if (e instanceof HttpConnectTimeoutException) {
            return Failures.connectTimeout(e);
        }
        if (e instanceof HttpTimeoutException) {
            return Failures.headersTimeout(e);
        }
        if (e instanceof CancellationException) {
            return Failures.cancelled(e);
        }
        if (e instanceof IOException) {
            return Failures.connectionFailed(e);
        }
        return Failures.rejected(e);
    }

    private HttpClient openClient() {
        HttpClient c = client;
        if (c == null) {
            throw new IllegalStateException("transport closed");
        }
        return c;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Ends the watchdog, the calls in flight (an async call fails with {@code CANCELLED}, a blocked
     * one with the failure its aborted exchange reports), the client (its selector thread included,
     * see {@link JdkClientShutdown}) and the executor. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        HttpClient c = client;
        client = null;
        watchdog.close();
        // While the client still runs: its exchanges complete through its selector thread.
        inFlight.forEach(Runnable::run);
        JdkClientShutdown.shutdown(c, selectorThread);
        executor.shutdownNow();
    }
}
