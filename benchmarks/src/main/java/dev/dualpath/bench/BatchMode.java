package dev.dualpath.bench;

import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.batch.BatchResult;
import dev.dualpath.adapter.compat.Await;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways {@link BatchThroughputBenchmark} gets a list of requests answered, as one
 * {@code @Param}: the batch's two deliveries next to the same requests made one after another, so
 * that every mode is one line of the benchmark and none has a copied body. The sequential modes
 * ignore the limit. Each returns one response per request, in input order, or throws.
 */
public enum BatchMode {

    /** {@code invokeBatchSync}: {@code limit} worker threads over the blocking transport. */
    BATCH_SYNC {
        @Override
        List<UnifiedChatResponse> run(
                CerebrasAdapter adapter, List<ChatRequest> requests, BatchOptions options) {
            return responses(adapter.invokeBatchSync(requests, options));
        }
    },

    /**
     * {@code invokeBatch}: {@code limit} calls in flight on the async transport, no thread each.
     */
    BATCH_ASYNC {
        @Override
        List<UnifiedChatResponse> run(
                CerebrasAdapter adapter, List<ChatRequest> requests, BatchOptions options) {
            return responses(Await.result(adapter.invokeBatch(requests, options), null));
        }
    },

    /** The baseline: one {@link SyncStrategy#DIRECT} call after another. */
    DIRECT {
        @Override
        List<UnifiedChatResponse> run(
                CerebrasAdapter adapter, List<ChatRequest> requests, BatchOptions options) {
            return sequential(SyncStrategy.DIRECT, adapter, requests);
        }
    },

    /** The original wrapper: one {@link SyncStrategy#LOOP_PER_CALL} call after another. */
    LOOP_PER_CALL {
        @Override
        List<UnifiedChatResponse> run(
                CerebrasAdapter adapter, List<ChatRequest> requests, BatchOptions options) {
            return sequential(SyncStrategy.LOOP_PER_CALL, adapter, requests);
        }
    };

    /**
     * Gets every request answered.
     *
     * @return the responses, in input order
     * @throws dev.dualpath.adapter.error.ProviderException the first failure: a benchmark of
     *     failing calls would measure how fast they fail
     */
    abstract List<UnifiedChatResponse> run(
            CerebrasAdapter adapter, List<ChatRequest> requests, BatchOptions options);

    private static List<UnifiedChatResponse> responses(BatchResult result) {
        return result.responsesOrThrow();
    }

    private static List<UnifiedChatResponse> sequential(
            SyncStrategy strategy, CerebrasAdapter adapter, List<ChatRequest> requests) {
        List<UnifiedChatResponse> out = new ArrayList<>(requests.size());
        for (ChatRequest request : requests) {
            out.add(strategy.execute(adapter, request));
        }
        return out;
    }
}
