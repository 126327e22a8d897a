package dev.dualpath.adapter.compat;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ProviderException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Blocks on a future the way every sync-over-async strategy must: the caller sees the {@link
 * ProviderException} itself, never a {@link ExecutionException} or {@link CompletionException}; an
 * interrupt cancels the future (reaching the socket) and surfaces as a {@link CancelledException}
 * with the interrupt flag restored.
 */
public final class Await {

    private Await() {}

    /**
     * Waits for a call's future on the calling thread and returns its value, unwrapped.
     *
     * @param future the call in flight
     * @param requestId the call's correlation id, for the cancelled error
     * @return the future's value
     * @throws ProviderException what the future failed with, unwrapped
     * @throws CancelledException if the future was cancelled or the caller interrupted
     */
    public static <T> T result(Future<T> future, @Nullable String requestId) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw CancelledException.of(requestId, e);
        } catch (CancellationException e) {
            throw CancelledException.of(requestId, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** The first cause that is not a completion wrapper, rethrown as is when unchecked. */
    static RuntimeException unwrap(@Nullable Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a call failed with a checked exception", t);
    }
}
