package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void cancellingAfterAValue_leavesTheExchangeAlone() {
        // The call completed: its connection may still be on its way back to the pool.
        AbortableFuture<String> result = new AbortableFuture<>();
        AtomicInteger aborts = new AtomicInteger();
        result.upstream(aborts::incrementAndGet);
        result.complete("response");

        assertThat(result.cancel(true)).isFalse();

        assertThat(aborts).hasValue(0);
    }
}
