package dev.dualpath.adapter;

import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The publisher delivery's reader of a streamed call's response that is not an event stream (an
 * error status, or a provider that answered with a whole JSON body): gathers it ({@link WholeBody},
 * as the blocking delivery does) into one {@link WireResponse} for the error mapper and the
 * response processor. It asks for everything at once: such a body is small and is needed whole.
 * Exactly one of the two callbacks is called, on the transport's thread.
 */
final class WholeBodyReader implements Flow.Subscriber<List<ByteBuffer>> {

    private final WireResponse head;
    private final Consumer<WireResponse> onWhole;
    private final Consumer<Throwable> onFailure;
    private final WholeBody body = new WholeBody();

    /**
     * @param head the response's status and headers, its body not yet read
     * @param onWhole given the response with its whole body
     * @param onFailure given the transport's failure if the body could not be read to its end
     */
    WholeBodyReader(
            WireResponse head, Consumer<WireResponse> onWhole, Consumer<Throwable> onFailure) {
        this.head = head;
        this.onWhole = onWhole;
        this.onFailure = onFailure;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        item.forEach(body::add);
    }

    @Override
    public void onError(Throwable t) {
        onFailure.accept(t);
    }

    @Override
    public void onComplete() {
        onWhole.accept(body.joinedTo(head));
    }
}
