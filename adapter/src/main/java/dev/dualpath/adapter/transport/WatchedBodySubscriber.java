package dev.dualpath.adapter.transport;

import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a JDK response body into a byte array like {@link BodySubscribers#ofByteArray()}, and
 * tells the {@link InFlightCall} about every chunk so that a stalled body can be detected.
 */
final class WatchedBodySubscriber implements BodySubscriber<byte[]> {

    private final BodySubscriber<byte[]> delegate = BodySubscribers.ofByteArray();
    private final InFlightCall call;
    private volatile Flow.Subscription subscription;

    WatchedBodySubscriber(InFlightCall call) {
        this.call = call;
    }

    /** Stops the flow of body bytes; the JDK then closes the connection. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        delegate.onSubscribe(s);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        call.progress();
        delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
        delegate.onComplete();
    }
}
