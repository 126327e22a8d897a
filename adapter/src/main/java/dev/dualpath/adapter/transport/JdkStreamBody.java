package dev.dualpath.adapter.transport;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A JDK response body handed over at the headers: the client's {@link HttpResponse.BodySubscriber}
 * whose "body" is this {@link AsyncBody}. The JDK reads from the socket only as far as this
 * subscriber requests, and the relay requests one item at a time, only while its own subscriber has
 * demand: that is the back-pressure. Cancelling the JDK subscription makes the client close the
 * connection.
 */
final class JdkStreamBody extends BodyRelay implements HttpResponse.BodySubscriber<AsyncBody> {

    private final InFlightCall call;
    private final CallWatchdog watchdog;
    private final Object lock = new Object();
    private volatile long headersNanos;
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
            return this;
        };
    }

    /** {@link System#nanoTime()} when the headers arrived. */
    long headersNanos() {
        return headersNanos;
    }

    @Override
    public CompletionStage<AsyncBody> getBody() {
        return CompletableFuture.completedFuture(this);
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
    }

    @Override
    public void onComplete() {
        call.finish();
        watchdog.unwatch(call);
        complete();
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
        if (s != null) {
            s.cancel();
        }
    }
}
