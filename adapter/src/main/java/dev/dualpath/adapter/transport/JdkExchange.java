package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The state of one JDK exchange, shared by both deliveries: the body handler that records the time
 * to first byte and starts watching the body, and the {@link InFlightCall} the {@link CallWatchdog}
 * aborts when the body stalls or the attempt runs out of time.
 */
final class JdkExchange {

    /** Why a body was failed from outside; only ever a cause, never shown to callers. */
    static final class Aborted extends IOException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("aborted by the transport");
        }
    }

    private final long startNanos;
    private final CallWatchdog watchdog;
    private final InFlightCall call;
    private volatile long headersNanos;
    private volatile @Nullable WatchedBodySubscriber subscriber;

    JdkExchange(
            long startNanos,
            long requestTimeoutNanos,
            long readTimeoutNanos,
            CallWatchdog watchdog) {
        this.startNanos = startNanos;
        this.watchdog = watchdog;
        // No caller thread: send() waits in an interruptible get() and cancels itself.
        this.call = new InFlightCall(null, startNanos + requestTimeoutNanos, readTimeoutNanos);
        call.onAbort(this::abort);
    }

    /** Headers arrived: from here on the watchdog guards the body. */
    HttpResponse.BodyHandler<byte[]> handler() {
        return info -> {
            headersNanos = System.nanoTime();
            call.headersReceived();
            WatchedBodySubscriber s = new WatchedBodySubscriber(call);
            subscriber = s;
            watchdog.watch(call);
            return s;
        };
    }

    /** Stops the body (closing the connection) and fails the exchange; idempotent. */
    void abort() {
        WatchedBodySubscriber s = subscriber;
        if (s != null) {
            s.abort(new Aborted());
        }
    }

    InFlightCall call() {
        return call;
    }

    /** The exchange is over, however it ended: stop watching it. */
    void done() {
        watchdog.unwatch(call);
    }

    WireResponse toWire(HttpResponse<byte[]> response) {
        return new WireResponse(
                response.statusCode(),
                response.headers().map(),
                response.body(),
                Duration.ofNanos(headersNanos - startNanos));
    }
}
