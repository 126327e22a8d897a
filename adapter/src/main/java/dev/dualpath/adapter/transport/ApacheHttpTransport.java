package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;

/**
 * A {@link Transport} over Apache HttpClient 5: a classic client for {@link #execute} and an async
 * client for {@link #executeAsync}, each with its own pool of {@code maxConnections} per route and
 * in total, HTTP/1.1 only, no automatic retries, no redirects, no compression (so no {@code
 * Accept-Encoding: gzip}: a gzip round trip would be measured instead of the client).
 *
 * <ul>
 *   <li>{@code readTimeout} is the socket timeout (the longest silence, headers or body); a timeout
 *       before the headers is {@code HEADERS_TIMEOUT}, after them {@code BODY_TIMEOUT}.
 *   <li>{@code requestTimeout} bounds each attempt: a {@link CallWatchdog} cancels the request once
 *       it is overdue, with the same phase rule.
 *   <li>A classic socket read ignores {@link Thread#interrupt()}; the same watchdog sees the
 *       blocked caller's flag within {@link CallWatchdog#TICK}, cancels the request and the caller
 *       gets {@code CANCELLED} with its flag set.
 *   <li>Cancelling the future of {@link #executeAsync}, a timeout, or stopping a stream aborts the
 *       Apache exchange ({@link ApacheExchange}), which closes its connection and returns the lease
 *       to the pool. The future completes on the client's I/O thread: dependent stages must not
 *       block.
 * </ul>
 *
 * <p>Threads: the async client's I/O reactor (started in the constructor) and the watchdog (started
 * with the first call, ended when idle). {@link #close()} ends all of them.
 */
public final class ApacheHttpTransport implements Transport, StreamingTransport {

    private static final byte[] NO_BYTES = new byte[0];

    private final long requestTimeoutNanos;
    private final long readTimeoutNanos;
    private final RequestConfig streamRequestConfig;
    private final PoolingHttpClientConnectionManager classicPool;
    private final PoolingAsyncClientConnectionManager asyncPool;
    private final CloseableHttpClient classic;
    private final CloseableHttpAsyncClient async;
    private final CallWatchdog watchdog;

    /** What {@link #close()} does to each async call still in flight: fail it as cancelled. */
    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Builds both clients and starts the async one's I/O reactor.
     *
     * @param config timeouts and pool size (per route and in total)
     * @throws NullPointerException if config is null
     */
    public ApacheHttpTransport(TransportConfig config) {
        this.requestTimeoutNanos = config.requestTimeout().toNanos();
        this.readTimeoutNanos = config.readTimeout().toNanos();
        int id = DaemonThreads.nextTransportId();
        ApacheClients clients = ApacheClients.build(config, id);
        this.streamRequestConfig = clients.streamRequestConfig();
        this.classicPool = clients.classicPool();
        this.asyncPool = clients.asyncPool();
        this.classic = clients.classic();
        this.async = clients.async();
        this.watchdog = new CallWatchdog(new DaemonThreads("dualpath-apache" + id + "-watchdog"));
        async.start();
    }

    @Override
    public String name() {
        return "apache";
    }

    /**
     * @throws TransportFailure if no complete response arrived
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public WireResponse execute(WireRequest request) {
        requireOpen();
        if (Thread.currentThread().isInterrupted()) {
            throw Failures.interrupted(null);
        }
        long start = System.nanoTime();
        HttpUriRequestBase httpRequest = classicRequest(request);
        InFlightCall call =
                new InFlightCall(Thread.currentThread(), start + requestTimeoutNanos, 0);
        call.onAbort(httpRequest::cancel);
        watchdog.watch(call);
        try {
            WireResponse response =
                    classic.execute(
                            httpRequest,
                            r -> {
                                Duration timeToFirstByte =
                                        Duration.ofNanos(System.nanoTime() - start);
                                call.headersReceived();
                                HttpEntity entity = r.getEntity();
                                byte[] body =
                                        entity == null ? NO_BYTES : EntityUtils.toByteArray(entity);
                                return new WireResponse(
                                        r.getCode(), ApacheHeaders.toMap(r), body, timeToFirstByte);
                            });
            call.finish();
            return response;
        } catch (IOException e) {
            throw classify(e, call);
        } finally {
            watchdog.unwatch(call);
        }
    }

    /**
     * Completes on the client's I/O thread with the response, or exceptionally with an unwrapped
     * {@link TransportFailure}. Cancelling the future aborts the exchange.
     *
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public CompletableFuture<WireResponse> executeAsync(WireRequest request) {
        requireOpen();
        long start = System.nanoTime();
        BasicRequestProducer producer = producer(request);
        InFlightCall call = new InFlightCall(null, start + requestTimeoutNanos, 0);
        AbortableFuture<WireResponse> result = new AbortableFuture<>();
        call.onAbort(
                () -> {
                    result.completeExceptionally(Failures.timeout(call.isHeadersReceived(), null));
                    result.abortUpstream();
                });
        // close() fails a call still in flight itself: the reactor's immediate shutdown does not
        // always call back an exchange whose body is stalled.
        Runnable onClose =
                () -> {
                    watchdog.unwatch(call);
                    result.completeExceptionally(Failures.cancelled(null));
                    result.abortUpstream();
                };
        inFlight.add(onClose);
        Runnable ended =
                () -> {
                    watchdog.unwatch(call);
                    inFlight.remove(onClose);
                };
        watchdog.watch(call);
        ApacheExchange exchange = new ApacheExchange();
        Future<WireResponse> clientFuture =
                async.execute(
                        producer,
                        new ApacheResponseConsumer(call, start),
                        null,
                        exchange.context(),
                        new FutureCallback<>() {
                            @Override
                            public void completed(WireResponse response) {
                                ended.run();
                                if (call.finish()) {
                                    result.complete(response);
                                }
                            }

                            @Override
                            public void failed(Exception e) {
                                ended.run();
                                if (call.finish()) {
                                    result.completeExceptionally(classify(e, call));
                                }
                            }

                            @Override
                            public void cancelled() {
                                ended.run();
                                if (call.finish()) {
                                    result.completeExceptionally(Failures.cancelled(null));
                                }
                            }
                        });
        exchange.link(clientFuture);
        result.upstream(exchange::abort);
        return result;
    }

    /**
     * A classic exchange whose body is read on the caller's thread ({@link ApacheBlockingBody});
     * the watchdog bounds the wait for the headers by the request timeout and turns an interrupt of
     * the blocked reader into a cancel, the socket timeout bounds each read.
     *
     * @throws TransportFailure if no headers arrived
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public BlockingStream openStream(WireRequest request) {
        requireOpen();
        if (Thread.currentThread().isInterrupted()) {
            throw Failures.interrupted(null);
        }
        long start = System.nanoTime();
        HttpUriRequestBase httpRequest = classicRequest(request);
        InFlightCall call = InFlightCall.forStream(start + requestTimeoutNanos, 0);
        call.onAbort(httpRequest::cancel);
        call.awaiting(Thread.currentThread());
        watchdog.watch(call);
        ClassicHttpResponse response;
        try {
            response =
                    classic.executeOpen(
                            new HttpHost(
                                    request.uri().getScheme(),
                                    request.uri().getHost(),
                                    request.uri().getPort()),
                            httpRequest,
                            null);
        } catch (IOException e) {
            watchdog.unwatch(call);
            throw classify(e, call);
        } finally {
            call.received();
        }
        Duration timeToFirstByte = Duration.ofNanos(System.nanoTime() - start);
        call.headersReceived();
        WireResponse head =
                new WireResponse(
                        response.getCode(),
                        ApacheHeaders.toMap(response),
                        new byte[0],
                        timeToFirstByte);
        try {
            return new BlockingStream(
                    head,
                    new ApacheBlockingBody(
                            response, httpRequest, call, () -> watchdog.unwatch(call)));
        } catch (IOException e) {
            watchdog.unwatch(call);
            httpRequest.cancel();
            throw Failures.connectionFailed(e);
        }
    }

    /**
     * An async exchange whose future completes at the headers ({@link ApacheStreamConsumer}), on
     * the client's I/O thread; the watchdog bounds the wait for the headers by {@code
     * min(readTimeout, requestTimeout)} and the silences while bytes are awaited by the read
     * timeout.
     *
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public CompletableFuture<AsyncStream> openStreamAsync(WireRequest request) {
        requireOpen();
        long start = System.nanoTime();
        BasicRequestProducer producer = producer(request);
        InFlightCall call =
                InFlightCall.forStream(
                        start + Math.min(requestTimeoutNanos, readTimeoutNanos), readTimeoutNanos);
        ApacheStreamConsumer consumer = new ApacheStreamConsumer(call, start);
        call.onAbort(consumer::timedOut);
        watchdog.watch(call);
        var unused =
                consumer.head()
                        .whenComplete(
                                (head, error) -> {
                                    if (error != null) {
                                        watchdog.unwatch(call);
                                    }
                                });
        HttpClientContext context = consumer.exchange().context();
        context.setRequestConfig(streamRequestConfig);
        consumer.link(
                async.execute(
                        producer,
                        consumer,
                        null,
                        context,
                        new FutureCallback<Void>() {
                            @Override
                            public void completed(Void result) {
                                watchdog.unwatch(call);
                            }

                            @Override
                            public void failed(Exception e) {
                                watchdog.unwatch(call);
                            }

                            @Override
                            public void cancelled() {
                                watchdog.unwatch(call);
                                consumer.failed(new java.util.concurrent.CancellationException());
                            }
                        }));
        return consumer.head();
    }

    /** The classic client's request for {@code request}: its headers and, if any, its body. */
    private static HttpUriRequestBase classicRequest(WireRequest request) {
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), request.uri());
        ApacheHeaders.copyTo(request, httpRequest);
        if (request.body().length > 0) {
            httpRequest.setEntity(new ByteArrayEntity(request.body(), null));
        }
        return httpRequest;
    }

    /** The async client's producer of {@code request}: its headers and, if any, its body. */
    private static BasicRequestProducer producer(WireRequest request) {
        BasicHttpRequest httpRequest = new BasicHttpRequest(request.method(), request.uri());
        ApacheHeaders.copyTo(request, httpRequest);
        return new BasicRequestProducer(
                httpRequest,
                request.body().length == 0
                        ? null
                        : AsyncEntityProducers.create(request.body(), null));
    }

    /** Maps an Apache failure, in the phase the call had reached, to the independent kinds. */
    static TransportFailure classify(Exception e, InFlightCall call) {
        switch (call.outcome()) {
            case INTERRUPTED -> {
                return Failures.interrupted(e);
            }
            case TIMED_OUT -> {
                return Failures.timeout(call.isHeadersReceived(), e);
            }
            default -> {}
        }
        if (call.isBlocking() && Failures.isInterruption(e)) {
            return Failures.interrupted(e);
        }
        if (e instanceof ConnectTimeoutException
                || e instanceof ConnectionRequestTimeoutException) {
            return Failures.connectTimeout(e);
        }
        if (e instanceof SocketTimeoutException) {
            return Failures.timeout(call.isHeadersReceived(), e);
        }
        return Failures.connectionFailed(e);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("transport closed");
        }
    }

    /** Connections currently leased from both pools; 0 when no call is in flight. For tests. */
    int leasedConnections() {
        return classicPool.getTotalStats().getLeased() + asyncPool.getTotalStats().getLeased();
    }

    /** Closes both clients (aborting calls in flight), their pools and the watchdog. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watchdog.close();
        inFlight.forEach(Runnable::run);
        classic.close(CloseMode.IMMEDIATE);
        async.close(CloseMode.IMMEDIATE);
        classicPool.close(CloseMode.IMMEDIATE);
        asyncPool.close(CloseMode.IMMEDIATE);
    }
}
