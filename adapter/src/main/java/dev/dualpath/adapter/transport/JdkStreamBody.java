package dev.dualpath.adapter.transport;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A JDK response body handed over at the headers: the client's {@link HttpResponse.BodySubscriber}
 * whose "body" is this {@link AsyncBody}. The JDK reads from the socket only as far as this
 * subscriber requests, and the relay requests one item at a time, only while its own subscriber has
 * demand: that is the back-pressure.
 *
 * <p>The headers are handed over through {@link #headers()}, not through the client's response
 * future: that future ({@link #getBody()}) completes only when the body is over, so the exchange
 * stays open in the client while the body is read, and stopping the body cancels it ({@link
 * #exchange}). Only that closes the connection on JDK 17: cancelling the body's {@link
 * Flow.Subscription} alone stops the deliveries but may leave the socket open, outside the client's
 * pool, until the client is collected — so a cancelled stream left a connection to the server
 * behind, even past the transport's close.
 */
final class JdkStreamBody extends BodyRelay implements HttpResponse.BodySubscriber<AsyncBody> {

    private final InFlightCall call;
    private final CallWatchdog watchdog;
    private final Object lock = new Object();
    private final CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
    private final CompletableFuture<AsyncBody> over = new CompletableFuture<>();
    private volatile long headersNanos;
    private volatile @Nullable Future<?> exchange;
    private Flow.@Nullable Subscription upstream; // guarded by lock
    private boolean wanted; // guarded by lock
    private boolean cancelled; // guarded by lock

    JdkStreamBody(InFlightCall call, CallWatchdog watchdog) {
        super(call);
        this.call = call;
        this.watchdog = watchdog;
        call.onAbort(this::timedOut);
    }

    /** The handler to send with: at the headers it starts the watch and hands this body over. */
    HttpResponse.BodyHandler<AsyncBody> handler() {
        return info -> {
            headersNanos = System.nanoTime();
            call.headersReceived();
            watchdog.watch(call);
            headers.complete(info);
            return this;
        };
    }

    /**
     * Links the client's future for this exchange, so that stopping the body aborts it; aborts it
     * at once if the body was stopped already.
     */
    void exchange(Future<?> clientFuture) {
        exchange = clientFuture;
        boolean stop;
        synchronized (lock) {
            stop = cancelled;
        }
        if (stop) {
            clientFuture.cancel(true);
        }
    }

    /**
     * Completes with the status and headers when they arrive; fails with the client's exception
     * when the exchange fails before them ({@link #failBeforeHeaders}).
     */
    CompletableFuture<HttpResponse.ResponseInfo> headers() {
        return headers;
    }

    /** The exchange failed; a no-op once the headers arrived (the body reports its own end). */
    void failBeforeHeaders(Throwable error) {
        headers.completeExceptionally(error);
    }

    /** Runs {@code action} once the body is over: read to its end, failed or stopped. */
    void whenOver(Runnable action) {
        var unused = over.whenComplete((body, error) -> action.run());
    }

    /** {@link System#nanoTime()} when the headers arrived. */
    long headersNanos() {
        return headersNanos;
    }

    @Override
    public CompletionStage<AsyncBody> getBody() {
        return over;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        boolean request;
        synchronized (lock) {
            if (cancelled) {
                subscription.cancel();
                return;
            }
            upstream = subscription;
            request = wanted;
            wanted = false;
        }
        if (request) {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        offer(item);
    }

    @Override
    public void onError(Throwable throwable) {
        // Otherwise the body was aborted: a timeout has failed it already, a cancel wants nothing.
        if (call.finish()) {
            watchdog.unwatch(call);
            fail(Failures.connectionFailed(throwable));
        }
        over.complete(this);
    }

    @Override
    public void onComplete() {
        call.finish();
        watchdog.unwatch(call);
        complete();
        over.complete(this);
    }

    /** The watchdog found the body silent too long: stop it and fail it. */
    private void timedOut() {
        cancelUpstream();
        fail(Failures.bodyTimeout(null));
    }

    @Override
    void askUpstream() {
        Flow.Subscription s;
        synchronized (lock) {
            s = upstream;
            if (s == null) {
                wanted = true;
                return;
            }
        }
        s.request(1);
    }

    @Override
    void cancelUpstream() {
        Flow.Subscription s;
        synchronized (lock) {
            cancelled = true;
            s = upstream;
        }
        call.finish();
        watchdog.unwatch(call);
        // The exchange first: once the body future completes, cancelling it would abort nothing.
        Future<?> e = exchange;
        if (e != null) {
            e.cancel(true);
        }
        if (s != null) {
            s.cancel();
        }
        headers.completeExceptionally(Failures.cancelled(null));
        over.complete(this);
    }
}
