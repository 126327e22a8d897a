package dev.dualpath.adapter;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs posted events one at a time, in the order they were posted, on an executor: the drain loop
 * that lets {@link AsyncChatStream} keep its state in plain fields touched by one thread at a time.
 * After every batch of events it runs the owner's step (deliver, ask for bytes, end), unless the
 * owner has stopped; once stopped, events still posted are dropped.
 *
 * <p>At most one drain runs at a time: a post or wake-up while one runs only adds to a counter, and
 * the running drain goes round again rather than start a second (the usual work-in-progress
 * counter), so no event waits for a later post. With an executor that runs tasks in place ({@link
 * ContinuationExecutor#TRANSPORT_THREAD}) a post from inside the drain is picked up by the same
 * loop, never run recursively.
 */
final class SerialDrain {

    private final Executor executor;
    private final Runnable step;
    private final BooleanSupplier stopped;
    private final Consumer<RejectedExecutionException> onRejected;
    private final AtomicInteger wip = new AtomicInteger();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();

    /**
     * @param executor where the loop runs
     * @param step run after each batch of events while not stopped
     * @param stopped whether the owner has ended; read in the loop only
     * @param onRejected told, before the loop runs on the posting thread instead, that the executor
     *     refused it (e.g. a pool shut down), so that the step can end the call rather than leave
     *     it hanging
     */
    SerialDrain(
            Executor executor,
            Runnable step,
            BooleanSupplier stopped,
            Consumer<RejectedExecutionException> onRejected) {
        this.executor = executor;
        this.step = step;
        this.stopped = stopped;
        this.onRejected = onRejected;
    }

    /** Queues {@code event} and makes sure a drain will run it. */
    void post(Runnable event) {
        inbox.add(event);
        wake();
    }

    /** Makes sure a drain runs the step again (a change of demand or a cancel, no event). */
    void wake() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The loop is ours (wip was 0): run it here, so that the call ends rather than hangs.
            onRejected.accept(e);
            drain();
        }
    }

    private void drain() {
        int missed = 1;
        while (true) {
            for (Runnable event = inbox.poll(); event != null; event = inbox.poll()) {
                if (!stopped.getAsBoolean()) {
                    event.run();
                }
            }
            if (!stopped.getAsBoolean()) {
                step.run();
            } else {
                inbox.clear();
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }
}
