package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BlockingBody} over an {@link AsyncBody}: each {@link #read()} that has nothing left asks
 * for exactly one more item and waits for it, so the body is read no faster than the caller reads.
 * The wait is interruptible (a JDK 17 {@code BodyHandlers.ofInputStream()} read is not): an
 * interrupted reader aborts the body and gets {@code CANCELLED} with its flag set again. Timeouts
 * are the body's own (it fails with {@code BODY_TIMEOUT}).
 */
final class PublisherBlockingBody implements BlockingBody, Flow.Subscriber<List<ByteBuffer>> {

    private final AsyncBody body;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Flow.@Nullable Subscription subscription; // guarded by lock
    private @Nullable List<ByteBuffer> arrived; // guarded by lock
    private boolean ended; // guarded by lock
    private @Nullable Throwable failure; // guarded by lock
    private boolean closed; // guarded by lock
    private @Nullable List<ByteBuffer> current; // reader thread only
    private int index; // reader thread only
    private boolean atEnd; // reader thread only

    PublisherBlockingBody(AsyncBody body) {
        this.body = body;
    }

    @Override
    public @Nullable ByteBuffer read() {
        while (true) {
            while (current != null && index < current.size()) {
                ByteBuffer b = current.get(index++);
                if (b.hasRemaining()) {
                    return b;
                }
            }
            current = null;
            if (atEnd) {
                return null;
            }
            List<ByteBuffer> next = awaitNext();
            if (next == null) {
                atEnd = true;
                return null;
            }
            current = next;
            index = 0;
        }
    }

    /** Asks for one item and waits for it; null at the end. */
    private @Nullable List<ByteBuffer> awaitNext() {
        Flow.Subscription s;
        lock.lock();
        try {
            if (closed) {
                throw Failures.cancelled(null);
            }
            s = subscription;
        } finally {
            lock.unlock();
        }
        if (s == null) {
            body.subscribe(this);
        }
        lock.lock();
        try {
            Flow.Subscription sub = subscription;
            if (sub == null) {
                // A body signals onSubscribe within subscribe(), as every AsyncBody here does.
                throw new IllegalStateException("the body did not call onSubscribe");
            }
            sub.request(1);
            while (arrived == null && !ended && !closed) {
                changed.await();
            }
            if (arrived != null) {
                List<ByteBuffer> next = arrived;
                arrived = null;
                return next;
            }
            if (closed) {
                throw Failures.cancelled(null);
            }
            if (failure != null) {
                throw failure instanceof TransportFailure f
                        ? f
                        : Failures.connectionFailed(failure);
            }
            return null;
        } catch (InterruptedException e) {
            closed = true;
            body.abort();
            throw Failures.interrupted(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!atEnd) {
            body.abort();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        lock.lock();
        try {
            subscription = s;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        lock.lock();
        try {
            arrived = item;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable t) {
        lock.lock();
        try {
            failure = t;
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
