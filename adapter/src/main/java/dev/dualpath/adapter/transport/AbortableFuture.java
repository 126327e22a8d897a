package dev.dualpath.adapter.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The future a transport hands out: cancelling it cancels the client's own future, which is what
 * aborts the exchange and frees its connection. (Cancelling a future derived with {@code thenApply}
 * never reaches the socket; this one does.)
 */
final class AbortableFuture<T> extends CompletableFuture<T> {

    private volatile @Nullable Future<?> upstream;

    /**
     * Links the client's future; cancels it at once if this one was already cancelled or failed.
     * One already completed with a value is no reason to abort: a streamed call completes this at
     * the headers, which a fast server can send before the client's future is even linked.
     */
    void upstream(Future<?> clientFuture) {
        this.upstream = clientFuture;
        if (isCompletedExceptionally()) {
            clientFuture.cancel(true);
        }
    }

    /** Aborts the client's exchange without completing this future. */
    void abortUpstream() {
        Future<?> f = upstream;
        if (f != null) {
            f.cancel(true);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        abortUpstream();
        return cancelled;
    }

    /** Dependent stages are plain futures: cancelling them must not pretend to abort anything. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
