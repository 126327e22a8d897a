package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The blocking delivery: each lane is a worker thread that claims items one after another and makes
 * each call on itself, through the synchronous path (no executor between it and the socket). The
 * batch's stop interrupts the lanes whose calls are in flight, which every blocking transport turns
 * into a cancelled call. Lanes are daemon threads named {@code dualpath-batch-N}, started per batch
 * and joined before the batch returns, so none outlives it.
 */
final class BlockingLanes {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private BlockingLanes() {}

    /**
     * Starts {@link BatchRun#lanes()} worker threads; the caller joins them with {@link #join}.
     *
     * @throws OutOfMemoryError (or another error) if the VM cannot start a thread: the batch is
     *     then stopped and the lanes already started are joined before it propagates
     */
    static List<Thread> start(BatchRun run, Function<ChatRequest, UnifiedChatResponse> call) {
        List<Thread> lanes = new ArrayList<>(run.lanes());
        try {
            for (int i = 0; i < run.lanes(); i++) {
                Thread lane =
                        new Thread(
                                () -> work(run, call),
                                "dualpath-batch-" + THREAD_NUMBER.incrementAndGet());
                lane.setDaemon(true);
                lane.start();
                lanes.add(lane);
            }
        } catch (RuntimeException | Error e) {
            run.stop(BatchEnd.CANCELLED);
            join(lanes);
            throw e;
        }
        return lanes;
    }

    private static void work(BatchRun run, Function<ChatRequest, UnifiedChatResponse> call) {
        Thread self = Thread.currentThread();
        BatchRun.Claim claim;
        while ((claim = run.claim(self::interrupt)) != null) {
            UnifiedChatResponse response = null;
            Throwable failure = null;
            try {
                response = call.apply(claim.request());
            } catch (Throwable t) { // every outcome, even an Error, must reach the item's result
                failure = t;
            }
            run.record(claim.index(), response, failure);
        }
    }

    /**
     * Waits for every lane to end. An interrupt of the waiting thread is kept for its caller (the
     * flag is set again on return) but does not cut the wait short: the lanes end once the batch is
     * done, and returning earlier would leave them running.
     *
     * @return whether the waiting thread was interrupted meanwhile
     */
    static boolean join(List<Thread> lanes) {
        boolean interrupted = false;
        for (Thread lane : lanes) {
            while (true) {
                try {
                    lane.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }
}
