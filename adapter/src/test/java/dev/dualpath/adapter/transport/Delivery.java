package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.fail;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The two ways to make the same call, so that one test body covers both. */
enum Delivery {
    BLOCKING {
        @Override
        WireResponse call(Transport transport, WireRequest request) {
            return transport.execute(request);
        }
    },

    ASYNC {
        @Override
        WireResponse call(Transport transport, WireRequest request) {
            CompletableFuture<WireResponse> future = transport.executeAsync(request);
            try {
                return future.get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // The contract: the future fails with the TransportFailure itself, never wrapped.
                if (e.getCause() instanceof TransportFailure) {
                    throw (TransportFailure) e.getCause();
                }
                throw new AssertionError("future failed with a non-TransportFailure", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (TimeoutException e) {
                future.cancel(true);
                return fail("future did not complete within 20 s");
            }
        }
    };

    /**
     * Makes the call and returns its response, or throws the unwrapped {@link TransportFailure}.
     */
    abstract WireResponse call(Transport transport, WireRequest request);
}
