package dev.dualpath.adapter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the async path's continuations run. The choice is a benchmark dimension because it changes
 * the answer on small machines: with fewer than 3 CPUs, JDK 17's default async executor starts a
 * new thread per task (the common pool has parallelism 1), which is what many users' CI containers
 * see.
 */
public enum ContinuationExecutor {

    /** A small pool owned by the adapter, started lazily and shut down by {@code close()}. */
    OWNED_POOL {
        @Override
        Executor create() {
            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            return Executors.newFixedThreadPool(threads, daemonThreads("dualpath-async-"));
        }
    },

    /**
     * {@link CompletableFuture}'s default async executor, as code gets that passes no executor: the
     * common pool, or a thread per task when its parallelism is below 2.
     */
    DEFAULT_ASYNC {
        @Override
        Executor create() {
            return new CompletableFuture<Void>().defaultExecutor();
        }
    },

    /**
     * No hand-off: a continuation runs on the thread that completed the transport's future
     * (Apache's I/O reactor thread; the JDK client's own executor), and the caller's future is
     * completed there, so every stage the caller attached without an executor runs there too. It
     * saves the pool's thread wake-up for a caller that does not block on the future; a caller
     * blocked in {@code join()} or {@code get()} saves it with any executor, because {@code
     * invoke()}'s future hands the continuation to the waiting thread (the benchmarks' {@code
     * SHARED_LOOP_NO_HOP} path measures this option beside it). The price is the reason it is not
     * the default: response parsing, and any stage the caller attaches without an executor, then
     * runs on the thread that serves every other call's I/O, so a slow stage delays them all, and a
     * stage that blocks on another call of the same client can wait for itself for ever. Choose it
     * only when the caller's stages are short and never block, or are all attached with an executor
     * ({@code thenApplyAsync(f, executor)}); a caller that only blocks in {@code join()} qualifies.
     * A retry's wait still runs on the JDK's shared delay scheduler, never on the transport's
     * thread.
     */
    TRANSPORT_THREAD {
        @Override
        Executor create() {
            return IN_PLACE;
        }
    };

    /**
     * The executor {@link #TRANSPORT_THREAD} stands for: none, each task runs on the thread that
     * hands it over. For a caller choosing it per call ({@code invoke(request, IN_PLACE)}).
     */
    public static final Executor IN_PLACE = Runnable::run;

    /**
     * A new executor of this kind; the caller shuts it down if it is an {@link ExecutorService}.
     */
    abstract Executor create();

    /** Shuts down {@code executor} if this kind owns it. */
    void release(Executor executor) {
        if (this == OWNED_POOL && executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
