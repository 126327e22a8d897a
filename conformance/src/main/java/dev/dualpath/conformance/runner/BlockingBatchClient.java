package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.batch.BatchResult;
import dev.dualpath.adapter.model.ChatRequest;
import java.util.List;

/**
 * A blocking path that can also send a list of calls as one batch ({@link PathUnderTest#batches()}
 * is true); scenarios with a {@code batch} section run through {@link #callBatch}, every other
 * scenario through {@link #call}.
 */
public interface BlockingBatchClient extends BlockingClient {

    /**
     * Runs the batch on the calling thread, which the runner may interrupt (scenario action
     * INTERRUPT): the result then reports what completed, as the batch contract says.
     *
     * @param requests the items, with the request ids the runner chose
     * @return one result per request, in input order
     */
    BatchResult callBatch(List<ChatRequest> requests, BatchOptions options);
}
