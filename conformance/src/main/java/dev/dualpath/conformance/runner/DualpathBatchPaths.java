package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.batch.BatchFuture;
import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.batch.BatchResult;
import dev.dualpath.adapter.batch.ItemResult;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.TransportKind;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * dualpath's batch deliveries as paths of its plug-in: {@code <transport>/invokeBatchSync}
 * (blocking) and {@code <transport>/invokeBatch} (future). A batch scenario runs its calls as one
 * batch on them; every other scenario runs each call as a batch of one, which proves that an item
 * comes to exactly what the single call comes to — interrupts and cancellations included.
 */
final class DualpathBatchPaths {

    /** How a single call is sent: a batch of one, no batch deadline. */
    private static final BatchOptions ONE = BatchOptions.builder().limit(1).build();

    private DualpathBatchPaths() {}

    /** Both batch paths of {@code transport}, blocking first. */
    static List<PathUnderTest> of(TransportKind transport) {
        return List.of(new Batched(transport, true), new Batched(transport, false));
    }

    /**
     * The path name of the blocking ({@code sync}) or future batch delivery on {@code transport}.
     */
    static String name(TransportKind transport, boolean sync) {
        return transport.name().toLowerCase(Locale.ROOT)
                + (sync ? "/invokeBatchSync" : "/invokeBatch");
    }

    private record Batched(TransportKind transport, boolean sync) implements PathUnderTest {
        @Override
        public String name() {
            return DualpathBatchPaths.name(transport, sync);
        }

        @Override
        public PathKind kind() {
            return sync ? PathKind.BLOCKING : PathKind.FUTURE;
        }

        @Override
        public boolean batches() {
            return true;
        }

        @Override
        public ClientUnderTest open(ClientSetup setup) {
            CerebrasAdapter adapter = DualpathPlugin.adapter(transport, setup);
            return sync ? new Blocking(adapter) : new Future(adapter);
        }
    }

    private record Blocking(CerebrasAdapter adapter) implements BlockingBatchClient {
        @Override
        public UnifiedChatResponse call(ChatRequest request) {
            return callBatch(List.of(request), ONE).items().get(0).responseOrThrow();
        }

        @Override
        public BatchResult callBatch(List<ChatRequest> requests, BatchOptions options) {
            return adapter.invokeBatchSync(requests, options);
        }

        @Override
        public void close() {
            adapter.close();
        }
    }

    private record Future(CerebrasAdapter adapter) implements FutureBatchClient {
        /**
         * The single item's outcome as the future a single call returns: its response, or its own
         * error unwrapped; cancelling it cancels the batch.
         */
        @SuppressWarnings("FutureReturnValueIgnored") // the stages only relay outcome and cancel
        @Override
        public CompletableFuture<UnifiedChatResponse> submit(ChatRequest request) {
            BatchFuture batch = submitBatch(List.of(request), ONE);
            CompletableFuture<UnifiedChatResponse> item = new CompletableFuture<>();
            batch.whenComplete(
                    (result, failure) -> {
                        if (failure != null) {
                            item.completeExceptionally(failure);
                            return;
                        }
                        ItemResult only = result.items().get(0);
                        if (only instanceof ItemResult.Success s) {
                            item.complete(s.response());
                        } else {
                            item.completeExceptionally(only.failure().orElseThrow());
                        }
                    });
            item.whenComplete(
                    (response, failure) -> {
                        if (item.isCancelled()) {
                            batch.cancel(true);
                        }
                    });
            return item;
        }

        @Override
        public BatchFuture submitBatch(List<ChatRequest> requests, BatchOptions options) {
            return adapter.invokeBatch(requests, options);
        }

        @Override
        public void close() {
            adapter.close();
        }
    }
}
