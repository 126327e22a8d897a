package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * An Apache async response handed over at the headers ({@link #head()}), its body relayed as an
 * {@link AsyncBody}. Back-pressure is Apache's capacity window: the I/O reactor stops reading the
 * connection once the window is used up and asks this consumer for more ({@link #updateCapacity});
 * more is granted only when the relay's subscriber has demand and everything received so far was
 * delivered. What arrives within a window is copied and queued until asked for.
 */
final class ApacheStreamConsumer extends BodyRelay implements AsyncResponseConsumer<Void> {

    /** Bytes granted per window update. */
    static final int WINDOW = 64 * 1024;

    private final InFlightCall call;
    private final long startNanos;
    private final AbortableFuture<AsyncStream> head = new AbortableFuture<>();
    private final Object lock = new Object();
    private @Nullable CapacityChannel pendingWindow; // guarded by lock
    private boolean wanted; // guarded by lock
    private volatile @Nullable FutureCallback<Void> result;
    private final ApacheExchange exchange = new ApacheExchange();

    ApacheStreamConsumer(InFlightCall call, long startNanos) {
        super(call);
        this.call = call;
        this.startNanos = startNanos;
    }

    /** Completes at the headers; cancelling it before then aborts the exchange. */
    CompletableFuture<AsyncStream> head() {
        return head;
    }

    /** The exchange this consumer reads, aborted when the body is stopped or times out. */
    ApacheExchange exchange() {
        return exchange;
    }

    /**
     * Links the client's future for the exchange, once {@code execute} returned it; the exchange is
     * aborted at once if the body was stopped before.
     */
    void link(Future<?> clientFuture) {
        exchange.link(clientFuture);
        head.upstream(exchange::abort);
    }

    @Override
    public void consumeResponse(
            HttpResponse response,
            EntityDetails entity,
            HttpContext context,
            FutureCallback<Void> resultCallback) {
        Duration timeToFirstByte = Duration.ofNanos(System.nanoTime() - startNanos);
        call.headersReceived();
        call.received();
        result = resultCallback;
        WireResponse wire =
                new WireResponse(
                        response.getCode(),
                        ApacheHeaders.toMap(response),
                        new byte[0],
                        timeToFirstByte);
        if (entity == null) {
            ended();
        }
        if (!head.complete(new AsyncStream(wire, this))) {
            abort(); // the caller gave up before the headers came
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx responses carry nothing a stream keeps.
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws java.io.IOException {
        boolean grant;
        synchronized (lock) {
            grant = wanted;
            wanted = false;
            pendingWindow = grant ? null : channel;
        }
        if (grant) {
            channel.update(WINDOW);
        }
    }

    @Override
    public void consume(ByteBuffer src) {
        synchronized (lock) {
            wanted = false;
        }
        byte[] copy = new byte[src.remaining()];
        src.get(copy);
        offer(List.of(ByteBuffer.wrap(copy)));
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        ended();
    }

    private void ended() {
        if (call.finish()) {
            complete();
        }
        FutureCallback<Void> cb = result;
        if (cb != null) {
            cb.completed(null);
        }
    }

    @Override
    public void failed(Exception cause) {
        TransportFailure failure =
                cause instanceof CancellationException
                        ? Failures.cancelled(cause)
                        : ApacheHttpTransport.classify(cause, call);
        if (!head.isDone()) {
            head.completeExceptionally(failure);
        } else if (call.finish()) {
            fail(failure);
        }
    }

    /** The watchdog's abort: the headers or the body took too long. */
    void timedOut() {
        if (!head.isDone()) {
            head.completeExceptionally(Failures.headersTimeout(null));
        } else {
            fail(Failures.bodyTimeout(null));
        }
        exchange.abort();
    }

    @Override
    void askUpstream() {
        CapacityChannel channel;
        synchronized (lock) {
            channel = pendingWindow;
            pendingWindow = null;
            wanted = channel == null;
        }
        if (channel != null) {
            try {
                channel.update(WINDOW);
            } catch (java.io.IOException e) {
                if (call.finish()) {
                    fail(Failures.connectionFailed(e));
                }
            }
        }
    }

    @Override
    void cancelUpstream() {
        call.finish();
        exchange.abort();
    }

    @Override
    public void releaseResources() {
        // Nothing pooled here: queued bytes go with the relay.
    }
}
