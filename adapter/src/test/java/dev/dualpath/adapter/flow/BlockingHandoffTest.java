package dev.dualpath.adapter.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class BlockingHandoffTest {

    /** A subscription that counts what it is asked for and answers each request at once. */
    private static final class Counting implements Flow.Subscription {
        final AtomicLong requested = new AtomicLong();
        final AtomicInteger cancels = new AtomicInteger();
        BlockingHandoff<String> target;
        int remaining;

        @Override
        public void request(long n) {
            requested.addAndGet(n);
            if (remaining-- > 0) {
                target.onNext("item" + remaining);
            } else {
                target.onComplete();
            }
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }

    @Test
    void eachAwaitRequestsExactlyOneItem_thenNullAtTheEnd() throws InterruptedException {
        BlockingHandoff<String> handoff = new BlockingHandoff<>();
        Counting s = new Counting();
        s.target = handoff;
        s.remaining = 2;
        handoff.onSubscribe(s);

        assertThat(handoff.await()).isEqualTo("item1");
        assertThat(s.requested).hasValue(1);
        assertThat(handoff.await()).isEqualTo("item0");
        assertThat(handoff.await()).isNull();
        assertThat(s.requested).hasValue(3);
        assertThat(handoff.isCompleted()).isTrue();
        assertThat(handoff.close()).as("nothing to cancel after the end").isNull();
    }

    @Test
    void closingWakesAWaitingReader_andHandsBackTheSubscriptionToCancel() throws Exception {
        BlockingHandoff<String> handoff = new BlockingHandoff<>();
        Flow.Subscription silent =
                new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                };
        handoff.onSubscribe(silent);
        CompletableFuture<String> read = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                read.complete(handoff.await());
                            } catch (Throwable t) {
                                read.completeExceptionally(t);
                            }
                        });
        reader.start();

        assertThat(handoff.close()).isSameAs(silent);
        assertThat(read.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(handoff.isClosed()).isTrue();
        assertThat(handoff.await()).isNull();
    }

    @Test
    void aFailureEndsTheWait_andIsKept() throws InterruptedException {
        BlockingHandoff<String> handoff = new BlockingHandoff<>();
        IllegalStateException boom = new IllegalStateException("boom");
        handoff.onError(boom);

        assertThat(handoff.await()).isNull();
        assertThat(handoff.failure()).isSameAs(boom);
        assertThat(handoff.isCompleted()).isFalse();
    }

    @Test
    void anInterruptedReaderGetsInterruptedException() {
        BlockingHandoff<String> handoff = new BlockingHandoff<>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(handoff::await).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
