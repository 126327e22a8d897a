package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.batch.BatchFuture;
import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.model.ChatRequest;
import java.util.List;

/**
 * A future path that can also send a list of calls as one batch ({@link PathUnderTest#batches()} is
 * true); scenarios with a {@code batch} section run through {@link #submitBatch}, every other
 * scenario through {@link #submit}.
 */
public interface FutureBatchClient extends FutureClient {

    /**
     * Starts the batch. The runner may cancel the future (scenario action CANCEL) and then reads
     * {@link BatchFuture#report()}.
     *
     * @param requests the items, with the request ids the runner chose
     */
    BatchFuture submitBatch(List<ChatRequest> requests, BatchOptions options);
}
