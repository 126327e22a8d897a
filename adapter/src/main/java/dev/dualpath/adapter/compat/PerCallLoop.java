package dev.dualpath.adapter.compat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Java counterpart of Python's {@code asyncio.new_event_loop()} / {@code run_until_complete()}
 * / {@code close()}: a single-thread executor created for one call, driving it, and shut down
 * after. The three phases are public so the benchmarks can time them apart, as the original
 * write-up did.
 *
 * <p>Not reusable: one instance per call.
 */
public final class PerCallLoop implements AutoCloseable {

    /**
     * How long {@link #close()} waits for the loop thread to end; it is idle by then, so this is a
     * bound, not a wait.
     */
    private static final long CLOSE_BOUND_MILLIS = 5_000;

    private static final ThreadFactory THREADS =
            runnable -> {
                Thread t = new Thread(runnable, "dualpath-loop");
                t.setDaemon(true);
                return t;
            };

    private final ExecutorService executor;

    private PerCallLoop(ExecutorService executor) {
        this.executor = executor;
    }

    /** Phase 1, {@code new_event_loop()}: creates the executor (its thread starts on first use). */
    public static PerCallLoop open() {
        return new PerCallLoop(Executors.newSingleThreadExecutor(THREADS));
    }

    /**
     * As {@link #open()}, but the loop is a virtual thread per task ({@code
     * Executors.newVirtualThreadPerTaskExecutor()}): the wrapper as it would be written on JDK 21+.
     * Looked up reflectively so that this class still compiles for and runs on JDK 17.
     *
     * @throws UnsupportedOperationException on a JVM without virtual threads (before JDK 21)
     */
    public static PerCallLoop openVirtual() {
        return new PerCallLoop(VirtualThreads.newPerTaskExecutor());
    }

    /** Whether this JVM has virtual threads, i.e. whether {@link #openVirtual()} works. */
    public static boolean virtualThreadsAvailable() {
        return VirtualThreads.available();
    }

    /** The loop as an executor, for the call's continuations. */
    public Executor executor() {
        return executor;
    }

    /**
     * Phase 2, {@code run_until_complete()}: starts {@code task} on the loop and blocks until the
     * future it returns completes.
     *
     * @param requestId the call's correlation id, for a cancelled error
     * @throws dev.dualpath.adapter.error.ProviderException as {@link Await#result}
     */
    public <T> T run(Function<Executor, CompletableFuture<T>> task, @Nullable String requestId) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(
                () -> {
                    CompletableFuture<T> call;
                    try {
                        call = task.apply(executor);
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                        return;
                    }
                    var unused =
                            call.whenComplete(
                                    (value, failure) -> {
                                        if (failure != null) {
                                            result.completeExceptionally(failure);
                                        } else {
                                            result.complete(value);
                                        }
                                    });
                    // thenCompose would not carry a cancel upstream: relay it by hand, so that
                    // an interrupt of the caller reaches the exchange in flight. Runs at once if
                    // the caller has already given up.
                    var unusedRelay =
                            result.whenComplete(
                                    (value, failure) -> {
                                        if (result.isCancelled()) {
                                            call.cancel(true);
                                        }
                                    });
                });
        return Await.result(result, requestId);
    }

    /**
     * Phase 3, {@code close()}: shuts the loop down and waits (bounded) for its thread to end, so
     * that no call leaves a thread behind. An interrupt during the wait is kept for the caller.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        boolean interrupted = false;
        try {
            executor.awaitTermination(CLOSE_BOUND_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * As {@link #close()}, but the tasks already posted run first: a streamed call ends by posting
     * its abort to the loop, and that abort must reach the connection. Bounded as {@link #close()};
     * whatever is left then is stopped.
     */
    void drainAndClose() {
        executor.shutdown();
        boolean interrupted = false;
        try {
            executor.awaitTermination(CLOSE_BOUND_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Open, run, close: the whole per-call wrapper. */
    public static <T> T runOnce(
            Function<Executor, CompletableFuture<T>> task, @Nullable String requestId) {
        try (PerCallLoop loop = open()) {
            return loop.run(task, requestId);
        }
    }
}
