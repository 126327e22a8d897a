package dev.dualpath.adapter.transport;

import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a JDK response body into a byte array like {@link BodySubscribers#ofByteArray()}, tells
 * the {@link InFlightCall} about every chunk so that a stall can be detected, and can be aborted
 * from outside: {@link #abort} stops the flow of bytes (the JDK then drops the connection) and
 * fails the body, which fails {@code send()} and {@code sendAsync()} alike.
 */
final class WatchedBodySubscriber implements BodySubscriber<byte[]> {

    private final BodySubscriber<byte[]> delegate = BodySubscribers.ofByteArray();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final InFlightCall call;
    private volatile Flow.@Nullable Subscription subscription;

    WatchedBodySubscriber(InFlightCall call) {
        this.call = call;
        delegate.getBody()
                .whenComplete(
                        (bytes, error) -> {
                            if (error == null) {
                                body.complete(bytes);
                            } else {
                                body.completeExceptionally(error);
                            }
                        });
    }

    /** Cancels the subscription and fails the body with {@code cause}. */
    void abort(Throwable cause) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        body.completeExceptionally(cause);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
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
