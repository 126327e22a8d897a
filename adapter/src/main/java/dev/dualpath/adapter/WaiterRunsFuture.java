package dev.dualpath.adapter;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The future {@code invoke()} returns: while a thread blocks in {@link #join()} or {@link #get()},
 * the call's own continuations run on that thread instead of on the continuation executor.
 *
 * <p>Why: a caller that blocks on the future (a sync wrapper over the async path, {@code
 * invoke().join()}) otherwise pays two thread wake-ups per call — the transport's thread wakes a
 * pool thread to process the response, and the pool thread wakes the caller — where the raw async
 * transport's own {@code join()} pays one. On 2 CPUs the extra wake-up was most of what {@code
 * invoke().join()} cost over the transport's future at loopback. Handing the continuation to the
 * thread that is waiting for it anyway costs one wake-up, like the raw call, and still keeps
 * response processing off the transport's I/O thread. gRPC's blocking stubs do the same with an
 * executor drained by the waiting caller.
 *
 * <p>Nothing changes for a caller that does not block: with no thread waiting, a continuation goes
 * to the executor as before. Only one thread helps at a time; a second thread blocking on the same
 * future waits as on any {@link CompletableFuture}. A continuation handed to a waiter that stops
 * waiting before running it (the future completed, the wait timed out, or {@link #get()} was
 * interrupted) goes to the executor, so none is lost or run twice. Stages created from this future
 * ({@code thenApply} and the like) are plain {@link CompletableFuture}s.
 *
 * @param <T> the call's result
 */
final class WaiterRunsFuture<T> extends CompletableFuture<T> {

    private final Executor fallback;
    private final Executor continuations = this::dispatch;
    private final AtomicReference<@Nullable Waiter> waiter = new AtomicReference<>();

    /**
     * @param fallback where a continuation runs when no thread is waiting
     */
    WaiterRunsFuture(Executor fallback) {
        this.fallback = fallback;
    }

    /** The executor the call's continuations are submitted to. */
    Executor continuations() {
        return continuations;
    }

    private void dispatch(Runnable task) {
        Waiter current = waiter.get();
        if (current == null || !current.offer(task)) {
            fallback.execute(task);
        }
    }

    @Override
    public T join() {
        help(false, 0L);
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        help(true, 0L);
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        help(true, deadline);
        return super.get(Math.max(0L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs the continuations handed to this thread until the future is done, or, when {@code
     * interruptible}, until the thread is interrupted (the flag stays set for {@code super.get()}
     * to throw), or until {@code deadline} ({@link System#nanoTime()}; 0 for none). An interrupt
     * during {@link #join()} is kept and restored at the end, as {@link CompletableFuture#join()}
     * does.
     */
    private void help(boolean interruptible, long deadline) {
        if (isDone()) {
            return;
        }
        Waiter me = new Waiter(Thread.currentThread());
        if (!waiter.compareAndSet(null, me)) {
            return; // another thread helps; this one waits in super's getter
        }
        boolean interruptedDuringJoin = false;
        try {
            // When the last continuation ran on the executor (submitted before this thread
            // started waiting), the future completes there and must wake this thread.
            var unused = whenComplete((r, e) -> me.wake());
            while (!isDone()) {
                Runnable task = me.poll();
                if (task != null) {
                    runReported(task);
                    continue;
                }
                if (Thread.interrupted()) {
                    if (interruptible) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    interruptedDuringJoin = true;
                }
                if (deadline == 0L) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        return;
                    }
                    LockSupport.parkNanos(this, left);
                }
            }
        } finally {
            waiter.set(null);
            for (Runnable task : me.close()) {
                handOver(task);
            }
            if (interruptedDuringJoin) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A continuation this thread accepted but will not run: the executor's, or this thread's. */
    private void handOver(Runnable task) {
        try {
            fallback.execute(task);
        } catch (RejectedExecutionException closed) {
            runReported(task); // accepted once already; running it late beats losing it
        }
    }

    /**
     * Runs a continuation, reporting what it throws as an executor's thread would (to the thread's
     * uncaught-exception handler) rather than out of the caller's {@code join()}. The adapter's
     * continuations complete the caller's future themselves, failures included.
     */
    private static void runReported(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException defect) {
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, defect);
        }
    }

    /** The thread helping, and the continuations handed to it and not yet run. */
    private static final class Waiter {
        private final Thread thread;
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(2);
        private boolean open = true;

        Waiter(Thread thread) {
            this.thread = thread;
        }

        /** Queues {@code task} for the waiting thread; false once it has stopped waiting. */
        boolean offer(Runnable task) {
            synchronized (this) {
                if (!open) {
                    return false;
                }
                tasks.add(task);
            }
            LockSupport.unpark(thread);
            return true;
        }

        synchronized @Nullable Runnable poll() {
            return tasks.poll();
        }

        /** Stops accepting continuations and returns those not yet run. */
        synchronized List<Runnable> close() {
            open = false;
            List<Runnable> left = List.copyOf(tasks);
            tasks.clear();
            return left;
        }

        void wake() {
            if (Thread.currentThread() != thread) {
                LockSupport.unpark(thread);
            }
        }
    }
}
