package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * An item's failure as the {@link ProviderException} its result carries. A chat adapter's calls
 * fail with a {@code ProviderException} only (the adapter's error mapper has seen everything else),
 * so this handles what the batch itself adds: a completion wrapper, and the {@link
 * CancellationException} of a future the batch cancelled. Anything else breaks the call's contract;
 * it is kept as the cause of a non-retryable connection failure naming only its class (its message
 * was never checked for secrets), so that the item is reported rather than lost.
 */
final class ItemFailures {

    private ItemFailures() {}

    static ProviderException of(@Nullable Throwable failure, String requestId) {
        // A dependent stage wraps its source's failure once; a future's own failure is bare.
        Throwable t =
                failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        if (t instanceof ProviderException p) {
            return p;
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return CancelledException.of(requestId, t);
        }
        String what = t == null ? "no response and no exception" : t.getClass().getName();
        return new ConnectionFailureException(
                ErrorDetails.noResponse("the call broke its contract: " + what, requestId, false),
                t);
    }
}
