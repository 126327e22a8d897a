package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AbortableFutureTest {

    @Test
    void linkedAfterCompletingWithAValue_theAbortIsNotRun() {
        // A streamed call completes at the headers, which a fast server sends before the link.
        AbortableFuture<String> result = new AbortableFuture<>();
        CompletableFuture<Void> client = new CompletableFuture<>();
        result.complete("head");

        result.upstream(() -> client.cancel(true));

        assertThat(client).isNotCancelled();
    }

    @Test
    void linkedAfterACancelOrAFailure_theAbortRuns() {
        AbortableFuture<String> cancelled = new AbortableFuture<>();
        AbortableFuture<String> failed = new AbortableFuture<>();
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        cancelled.cancel(true);
        failed.completeExceptionally(Failures.cancelled(null));

        cancelled.upstream(() -> first.cancel(true));
        failed.upstream(() -> second.cancel(true));

        assertThat(first).isCancelled();
        assertThat(second).isCancelled();
    }

    @Test
    void cancellingAfterTheLink_runsTheAbort() {
        AbortableFuture<String> result = new AbortableFuture<>();
        CompletableFuture<Void> client = new CompletableFuture<>();
        result.upstream(() -> client.cancel(true));

        result.cancel(true);

        assertThat(client).isCancelled();
    }
}
