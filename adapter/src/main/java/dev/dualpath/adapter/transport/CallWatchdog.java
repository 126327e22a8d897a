package dev.dualpath.adapter.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One daemon thread per transport that looks at every in-flight call each {@link #TICK} and aborts
 * those whose deadline passed, whose body went silent, or whose blocked caller was interrupted.
 *
 * <p>Why polling: a thread blocked in a classic socket read ignores {@link Thread#interrupt()}, and
 * the JDK client's own timeout stops at the headers, so something outside the caller must notice
 * and close the exchange. Polling keeps the per-call cost to one set insertion and one removal (no
 * scheduled task to create and cancel per call), at the price of a resolution of {@link #TICK} on
 * every timeout and interrupt. The thread starts with the first watched call and exits after {@link
 * #IDLE_EXIT} without calls, so an idle transport holds no thread.
 */
final class CallWatchdog implements AutoCloseable {

    /** How often in-flight calls are examined: the resolution of watchdog timeouts. */
    static final Duration TICK = Duration.ofMillis(5);

    /** How long the thread lingers without calls before exiting (restarting costs ~200 µs). */
    static final Duration IDLE_EXIT = Duration.ofSeconds(1);

    /** A call the watchdog examines on every tick. */
    interface Watched {
        /**
         * Aborts the call if it is overdue or its caller was interrupted.
         *
         * @param nowNanos {@link System#nanoTime()} of this tick
         * @return true if the call was aborted and needs no more watching
         */
        boolean check(long nowNanos);
    }

    private final Set<Watched> calls = ConcurrentHashMap.newKeySet();
    private final ThreadFactory threads;
    private final Object lock = new Object();
    private @Nullable Thread thread; // guarded by lock
    private volatile boolean closed;

    CallWatchdog(ThreadFactory threads) {
        this.threads = threads;
    }

    /**
     * Starts watching a call, starting the watchdog thread if needed.
     *
     * @throws IllegalStateException if the watchdog was closed
     */
    void watch(Watched call) {
        calls.add(call);
        // Always under the lock: an exiting thread checks for calls under the same lock, so a
        // call added here is either seen by that thread or finds thread == null and starts one.
        synchronized (lock) {
            if (closed) {
                calls.remove(call);
                throw new IllegalStateException("transport closed");
            }
            if (thread == null) {
                thread = threads.newThread(this::run);
                thread.start();
            }
        }
    }

    /** Stops watching a call; harmless if it was never watched or already aborted. */
    void unwatch(Watched call) {
        calls.remove(call);
    }

    /** Number of calls being watched; for tests. */
    int watchedCount() {
        return calls.size();
    }

    private void run() {
        long tickNanos = TICK.toNanos();
        long idleExitNanos = IDLE_EXIT.toNanos();
        long idleSince = System.nanoTime();
        while (!closed) {
            long now = System.nanoTime();
            if (!calls.isEmpty()) {
                idleSince = now;
                sweep(now);
            } else if (now - idleSince >= idleExitNanos && exitIfIdle()) {
                return;
            }
            LockSupport.parkNanos(this, tickNanos);
        }
        synchronized (lock) {
            thread = null;
        }
    }

    private boolean exitIfIdle() {
        synchronized (lock) {
            if (calls.isEmpty()) {
                thread = null;
                return true;
            }
            return false;
        }
    }

    private void sweep(long now) {
        calls.removeIf(
                call -> {
                    try {
                        return call.check(now);
                    } catch (RuntimeException e) {
                        // An abort that throws must not kill the thread that guards every
                        // other call.
                        return true;
                    }
                });
    }

    /**
     * Stops the thread (waiting up to one second for it to end) and refuses further calls.
     * Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = thread;
        }
        calls.clear();
        if (running != null && running != Thread.currentThread()) {
            LockSupport.unpark(running);
            try {
                running.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
