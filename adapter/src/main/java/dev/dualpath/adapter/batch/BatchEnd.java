package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.TimeoutPhase;
import org.jspecify.annotations.Nullable;

/**
 * How a batch ended. A batch that was stopped ({@link #CANCELLED}, {@link #DEADLINE_EXCEEDED})
 * reports every item it did not finish with the matching {@link ItemStatus} and error; items that
 * finished before the stop keep their own outcome.
 */
public enum BatchEnd {

    /** Every item ran to its own end. */
    COMPLETED {
        @Override
        ItemStatus stoppedStatus() {
            throw new IllegalStateException("a completed batch stopped no item");
        }

        @Override
        ProviderException stoppedError(
                String requestId, BatchOptions options, @Nullable Throwable cause) {
            throw new IllegalStateException("a completed batch stopped no item");
        }
    },

    /**
     * The caller cancelled the batch's future, or interrupted the thread waiting for a blocking
     * batch. Unfinished items fail with the {@link CancelledException} every cancelled call gets.
     */
    CANCELLED {
        @Override
        ItemStatus stoppedStatus() {
            return ItemStatus.CANCELLED;
        }

        @Override
        ProviderException stoppedError(
                String requestId, BatchOptions options, @Nullable Throwable cause) {
            return CancelledException.of(requestId, cause);
        }
    },

    /**
     * The batch's deadline passed. Unfinished items fail with a {@link ProviderTimeoutException} of
     * phase {@link TimeoutPhase#TOTAL} (status 0, not retryable: the batch's time is the caller's
     * budget, not a provider failure worth another attempt).
     */
    DEADLINE_EXCEEDED {
        @Override
        ItemStatus stoppedStatus() {
            return ItemStatus.DEADLINE_EXCEEDED;
        }

        @Override
        ProviderException stoppedError(
                String requestId, BatchOptions options, @Nullable Throwable cause) {
            long millis = options.deadline().orElseThrow().toMillis();
            return new ProviderTimeoutException(
                    ErrorDetails.noResponse(
                            "the batch deadline of " + millis + " ms passed before the call ended",
                            requestId,
                            false),
                    TimeoutPhase.TOTAL,
                    cause);
        }
    };

    /** The status of an item this ending stopped. */
    abstract ItemStatus stoppedStatus();

    /**
     * The error of an item this ending stopped; deterministic (no timing in it), so that two paths
     * stopping the same item report equal details.
     *
     * @param cause what the item's own call ended with, or null when it never started
     */
    abstract ProviderException stoppedError(
            String requestId, BatchOptions options, @Nullable Throwable cause);
}
