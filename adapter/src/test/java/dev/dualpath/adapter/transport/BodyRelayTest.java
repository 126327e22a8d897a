package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The relay's delivery when the client's last bytes and its end arrive while the subscriber's
 * thread is inside the drain loop. The interleaving is played deterministically: the queue runs the
 * client's {@code offer} and {@code complete} at the instant the drain loop finds it empty — what
 * an I/O thread does when the last read and the end of the message land between two steps of the
 * subscriber's thread.
 */
class BodyRelayTest {

    /** A queue that runs {@code between} once, right after an {@code isEmpty()} that saw none. */
    private static final class InterleavingQueue extends ConcurrentLinkedQueue<List<ByteBuffer>> {
        private @Nullable Runnable between;

        void armed(Runnable action) {
            between = action;
        }

        @Override
        public boolean isEmpty() {
            boolean empty = super.isEmpty();
            Runnable action = between;
            if (empty && action != null) {
                between = null;
                action.run();
            }
            return empty;
        }
    }

    /** A relay whose client is this test: it asks for nothing, stops nothing. */
    private static final class TestRelay extends BodyRelay {
        int asked;

        TestRelay(InterleavingQueue items) {
            super(InFlightCall.forStream(Long.MAX_VALUE, 0), items);
        }

        @Override
        void askUpstream() {
            asked++;
        }

        @Override
        void cancelUpstream() {}
    }

    /** Records what the relay delivers, asking for one item after each. */
    private static final class Recorder implements Flow.Subscriber<List<ByteBuffer>> {
        final List<String> items = new ArrayList<>();
        boolean completed;
        @Nullable Throwable failure;
        Flow.@Nullable Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            for (ByteBuffer b : item) {
                items.add(StandardCharsets.UTF_8.decode(b).toString());
            }
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    private static List<ByteBuffer> bytes(String text) {
        return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void lastBytesAndEnd_landingWhileTheQueueIsChecked_areDeliveredBeforeTheEnd() {
        InterleavingQueue queue = new InterleavingQueue();
        TestRelay relay = new TestRelay(queue);
        Recorder recorder = new Recorder();
        relay.subscribe(recorder);
        relay.offer(bytes("data: 1\n\n"));
        Flow.Subscription s = java.util.Objects.requireNonNull(recorder.subscription);
        s.request(1);
        assertThat(recorder.items).containsExactly("data: 1\n\n");

        // The subscriber asks for more: the drain loop finds the queue empty and, at that
        // instant, the client queues its last bytes and ends the body.
        queue.armed(
                () -> {
                    relay.offer(bytes("data: [DONE]\n\n"));
                    relay.complete();
                });
        s.request(1);

        assertThat(recorder.items).containsExactly("data: 1\n\n", "data: [DONE]\n\n");
        assertThat(recorder.completed).isTrue();
        assertThat(recorder.failure).isNull();
    }

    @Test
    void anEnd_isSignalledOnlyOnceEveryQueuedItemWasAskedForAndDelivered() {
        InterleavingQueue queue = new InterleavingQueue();
        TestRelay relay = new TestRelay(queue);
        Recorder recorder = new Recorder();
        relay.subscribe(recorder);
        relay.offer(bytes("a"));
        relay.offer(bytes("b"));
        relay.complete();
        Flow.Subscription s = java.util.Objects.requireNonNull(recorder.subscription);

        s.request(1);
        assertThat(recorder.items).containsExactly("a");
        assertThat(recorder.completed).isFalse();

        s.request(1);
        assertThat(recorder.items).containsExactly("a", "b");
        assertThat(recorder.completed).isTrue();
        assertThat(relay.asked).isZero();
    }
}
