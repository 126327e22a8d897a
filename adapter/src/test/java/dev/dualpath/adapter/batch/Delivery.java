package dev.dualpath.adapter.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.model.ChatRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The two deliveries of a batch, so that one test body covers both. */
enum Delivery {
    /** {@link Batch#run} on a thread of the test's own, which the test may interrupt. */
    BLOCKING {
        @Override
        Started start(List<ChatRequest> requests, BatchOptions options, ControlledCalls calls) {
            CompletableFuture<BatchResult> result = new CompletableFuture<>();
            boolean[] flagAfterReturn = new boolean[1];
            Thread caller =
                    new Thread(
                            () -> {
                                try {
                                    BatchResult r = Batch.run(requests, options, calls::blocking);
                                    flagAfterReturn[0] = Thread.currentThread().isInterrupted();
                                    result.complete(r);
                                } catch (Throwable t) {
                                    result.completeExceptionally(t);
                                }
                            },
                            "batch-test-caller");
            caller.setDaemon(true);
            caller.start();
            return new Started() {
                @Override
                BatchResult await() throws Exception {
                    return result.get(ControlledCalls.BOUND_SECONDS, TimeUnit.SECONDS);
                }

                @Override
                BatchResult cancelAndReport() throws Exception {
                    caller.interrupt();
                    BatchResult r = await();
                    assertThat(flagAfterReturn[0])
                            .as("the interrupt flag is set again when the batch returns")
                            .isTrue();
                    return r;
                }
            };
        }
    },

    /** {@link Batch#start}: a {@link BatchFuture}. */
    ASYNC {
        @Override
        Started start(List<ChatRequest> requests, BatchOptions options, ControlledCalls calls) {
            BatchFuture future = Batch.start(requests, options, calls::async);
            return new Started() {
                @Override
                BatchResult await() throws Exception {
                    return future.get(ControlledCalls.BOUND_SECONDS, TimeUnit.SECONDS);
                }

                @Override
                BatchResult cancelAndReport() throws Exception {
                    assertThat(future.cancel(true)).isTrue();
                    assertThat(future).isCancelled();
                    return future.report().get(ControlledCalls.BOUND_SECONDS, TimeUnit.SECONDS);
                }
            };
        }
    };

    /** A batch in progress. */
    abstract static class Started {
        /** Its result, waited for with a bound. */
        abstract BatchResult await() throws Exception;

        /**
         * Cancels it the delivery's way (interrupt, or cancel the future) and returns its report.
         */
        abstract BatchResult cancelAndReport() throws Exception;
    }

    abstract Started start(List<ChatRequest> requests, BatchOptions options, ControlledCalls calls);
}
