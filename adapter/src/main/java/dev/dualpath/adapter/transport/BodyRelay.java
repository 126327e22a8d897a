package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AsyncBody} half every client's streaming body shares: it queues what the client hands
 * over ({@link #offer}, {@link #complete}, {@link #fail}), delivers it to the one subscriber as it
 * asks, in order and serialised (a drain loop any thread may run), the end after the bytes before
 * it, and asks the client for more ({@link #askUpstream}) only when the queue is empty and demand
 * is outstanding — so a client that reads only when asked is paused while no demand is.
 *
 * <p>It also tells the {@link InFlightCall} when bytes are being awaited, so the watchdog's idle
 * timeout counts the server's silences and never the consumer's pauses.
 */
abstract class BodyRelay implements AsyncBody {

    private final InFlightCall call;
    private final Queue<List<ByteBuffer>> items;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Flow.@Nullable Subscriber<? super List<ByteBuffer>> downstream;
    private volatile boolean asked;
    private volatile boolean ended;
    private volatile @Nullable Throwable failure;
    private volatile boolean cancelled;
    private boolean terminated; // drain loop only

    BodyRelay(InFlightCall call) {
        this(call, new ConcurrentLinkedQueue<>());
    }

    /**
     * As {@link #BodyRelay(InFlightCall)}, with the queue given: a test passes one that lets the
     * client side act at a chosen point of the drain loop, so that an interleaving of the two
     * threads can be played deterministically.
     *
     * @param items an empty, thread-safe queue
     */
    BodyRelay(InFlightCall call, Queue<List<ByteBuffer>> items) {
        this.call = call;
        this.items = items;
    }

    /** Asks the client for more bytes; called at most once until the next {@link #offer}. */
    abstract void askUpstream();

    /** Stops the client and closes the connection unless the body ended. Called once. */
    abstract void cancelUpstream();

    /** Client side: bytes arrived. */
    final void offer(List<ByteBuffer> bytes) {
        asked = false;
        call.received();
        items.add(bytes);
        drain();
    }

    /** Client side: the body ended. */
    final void complete() {
        call.received();
        ended = true;
        drain();
    }

    /** Client side: the body failed. */
    final void fail(TransportFailure error) {
        call.received();
        failure = error;
        ended = true;
        drain();
    }

    /** Whether the body ended, failed or was cancelled: nothing more will be read. */
    final boolean isOver() {
        return ended || cancelled;
    }

    @Override
    public final void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(NOOP);
            subscriber.onError(new IllegalStateException("a stream body has one subscriber"));
            return;
        }
        downstream = subscriber;
        subscriber.onSubscribe(
                new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        if (n <= 0) {
                            // The subscriber broke the protocol: it gets the error, the
                            // connection is closed.
                            stopUpstream();
                            items.clear();
                            failure =
                                    new IllegalArgumentException(
                                            "request(n) needs n > 0, was " + n);
                            ended = true;
                        } else {
                            demand.accumulateAndGet(
                                    n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                        }
                        drain();
                    }

                    @Override
                    public void cancel() {
                        abort();
                    }
                });
        drain();
    }

    @Override
    public final void abort() {
        cancelled = true;
        if (!ended) {
            stopUpstream();
        }
        items.clear();
    }

    private void stopUpstream() {
        if (stopped.compareAndSet(false, true)) {
            cancelUpstream();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        while (true) {
            Flow.Subscriber<? super List<ByteBuffer>> s = downstream;
            if (s != null && !terminated) {
                emit(s);
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private void emit(Flow.Subscriber<? super List<ByteBuffer>> s) {
        while (!cancelled && demand.get() > 0) {
            List<ByteBuffer> next = items.poll();
            if (next == null) {
                break;
            }
            demand.decrementAndGet();
            s.onNext(next);
        }
        if (cancelled) {
            items.clear();
            return;
        }
        // Read the end before looking at the queue: the client queues its last bytes and then sets
        // the end, so an end seen here means those bytes are already visible. In the other order a
        // client thread could queue its last bytes and end between the two reads, and the
        // subscriber would be told the body completed with those bytes still queued: a stream cut
        // short at a clean event boundary, the transport's whole response read.
        boolean end = ended;
        if (end && items.isEmpty()) {
            terminated = true;
            Throwable f = failure;
            if (f == null) {
                s.onComplete();
            } else {
                s.onError(f);
            }
            return;
        }
        if (items.isEmpty() && demand.get() > 0 && !asked) {
            asked = true;
            call.awaiting(null);
            askUpstream();
        }
    }

    private static final Flow.Subscription NOOP =
            new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            };
}
