package dev.dualpath.adapter.transport;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The future a transport hands out: cancelling it runs the transport's abort for the exchange,
 * which is what stops it and frees its connection. (Cancelling a future derived with {@code
 * thenApply} never reaches the socket; this one does.)
 */
final class AbortableFuture<T> extends CompletableFuture<T> {

    private volatile @Nullable Runnable upstream;

    /**
     * Links what aborts the client's exchange (for the JDK, cancelling its future; for Apache,
     * {@link ApacheExchange#abort}); runs it at once if this future was already cancelled or
     * failed. One already completed with a value is no reason to abort: a streamed call completes
     * this at the headers, which a fast server can send before the exchange is even linked.
     */
    void upstream(Runnable abort) {
        this.upstream = abort;
        if (isCompletedExceptionally()) {
            abort.run();
        }
    }

    /** Aborts the client's exchange without completing this future. */
    void abortUpstream() {
        Runnable abort = upstream;
        if (abort != null) {
            abort.run();
        }
    }

    /**
     * Cancels this future and, if that cancelled it, aborts the exchange. A future already
     * completed is left alone, and so is its exchange: one with a value may still be handing its
     * connection back to the pool (an abort would close a good connection), one that failed was
     * aborted as it failed.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            abortUpstream();
        }
        return cancelled;
    }

    /** Dependent stages are plain futures: cancelling them must not pretend to abort anything. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
