package dev.dualpath.adapter.flow;

import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Subscriber} a blocking reader pulls from: each {@link #await()} requests exactly
 * one item and waits for it, so the publisher runs no further ahead than the reader reads. The
 * publisher's thread hands the item over; the reader's thread waits, interruptibly.
 *
 * <p>One reader thread at a time; the publisher may signal from any thread. Closing wakes a waiting
 * reader and hands back the subscription to cancel, if the publisher had not ended.
 *
 * @param <T> the item type
 */
public final class BlockingHandoff<T> implements Flow.Subscriber<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Flow.@Nullable Subscription subscription; // guarded by lock
    private @Nullable T arrived; // guarded by lock
    private boolean requested; // guarded by lock
    private boolean completed; // guarded by lock
    private @Nullable Throwable failure; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * Requests one item (once the publisher has subscribed this) and waits for it.
     *
     * @return the item, or null when there is none to come: the publisher completed ({@link
     *     #isCompleted()}), failed ({@link #failure()}), or this was closed ({@link #isClosed()})
     * @throws InterruptedException if the reader is interrupted while it waits; the request stays
     *     outstanding (close this and cancel the subscription to stop the publisher)
     */
    public @Nullable T await() throws InterruptedException {
        lock.lock();
        try {
            while (arrived == null && !completed && failure == null && !closed) {
                Flow.Subscription s = subscription;
                if (!requested && s != null) {
                    requested = true;
                    s.request(1);
                    continue;
                }
                changed.await();
            }
            T item = arrived;
            if (item != null) {
                arrived = null;
                requested = false;
            }
            return item;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the hand-off: a waiting reader wakes with null, later calls return null at once.
     * Idempotent.
     *
     * @return the subscription to cancel, or null when the publisher already ended (or never
     *     subscribed this): there is nothing left to stop
     */
    public Flow.@Nullable Subscription close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            return completed || failure != null ? null : subscription;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the publisher signalled {@code onComplete}. */
    public boolean isCompleted() {
        lock.lock();
        try {
            return completed;
        } finally {
            lock.unlock();
        }
    }

    /** What the publisher failed with, or null if it did not (yet). */
    public @Nullable Throwable failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        lock.lock();
        try {
            subscription = s;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onNext(T item) {
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
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
        lock.lock();
        try {
            completed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
