package dev.dualpath.testkit;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ResponseMetrics;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The one normaliser: the only thing allowed to differ between two paths is client-side timing, so
 * this drops exactly that — {@link ResponseMetrics#duration()}, {@link
 * ResponseMetrics#timeToFirstByte()} and {@link ResponseMetrics#roundTripSeconds()} — and keeps
 * everything else, the server's own {@code time_info} figures included (they come from the body, so
 * every path must parse them alike). A failure keeps its class, every {@link
 * dev.dualpath.adapter.error.ErrorDetails} field (message and request id included), its timeout
 * phase and its rate-limit info; its cause and stack are dropped.
 */
public final class Normaliser {

    private Normaliser() {}

    /**
     * Runs {@code call} and normalises what it returned or threw. Any throwable is captured, so a
     * wrapper such as {@code CompletionException} shows up as a foreign failure (a mismatch), never
     * as an escaped exception. The waits are drained from {@code sleeper}.
     *
     * @param call the call to make
     * @param sleeper the sleeper the adapter under test was built with
     * @return the comparable outcome
     */
    public static Outcome capture(Callable<UnifiedChatResponse> call, RecordingSleeper sleeper) {
        UnifiedChatResponse response = null;
        Throwable failure = null;
        try {
            response = call.call();
        } catch (Throwable t) { // every throwable is a result here, not a crash of the test
            failure = t;
        }
        return normalise(response, failure, sleeper.drain());
    }

    /**
     * Normalises one call's response or failure into a comparable outcome.
     *
     * @param response the call's response, or null if it failed
     * @param failure what the call threw (unwrapped only as the runner documents), or null
     * @param waits the retry waits recorded during the call
     * @return the comparable outcome
     * @throws IllegalArgumentException unless exactly one of response and failure is set
     */
    public static Outcome normalise(
            UnifiedChatResponse response, Throwable failure, RecordingSleeper.Waits waits) {
        return normalise(response, failure, waits, List.of());
    }

    /**
     * As {@link #normalise(UnifiedChatResponse, Throwable, RecordingSleeper.Waits)} for a streamed
     * call, keeping the chunks it delivered before its outcome.
     *
     * @param chunks the delivered chunks, in order
     */
    public static Outcome normalise(
            UnifiedChatResponse response,
            Throwable failure,
            RecordingSleeper.Waits waits,
            List<ChatChunk> chunks) {
        Objects.requireNonNull(waits, "waits");
        if ((response == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of response and failure must be set");
        }
        int attemptsByWaits = waits.completed() + 1;
        if (response != null) {
            ResponseMetrics m = response.metrics();
            ResponseMetrics serverOnly =
                    m == null
                            ? null
                            : new ResponseMetrics(
                                    null,
                                    null,
                                    null,
                                    m.queueTimeSeconds(),
                                    m.promptTimeSeconds(),
                                    m.completionTimeSeconds(),
                                    m.totalTimeSeconds(),
                                    m.completionTokensPerSecond());
            int attempts =
                    response.metadata() != null && response.metadata().attempts() > 0
                            ? response.metadata().attempts()
                            : attemptsByWaits;
            return new Outcome(
                    response.withMetrics(serverOnly), null, attempts, waits.requested(), chunks);
        }
        ErrorOutcome error;
        if (failure instanceof ProviderException p) {
            error =
                    new ErrorOutcome(
                            p.getClass().getSimpleName(),
                            p.details(),
                            p instanceof ProviderTimeoutException t ? t.phase() : null,
                            p instanceof RateLimitException r ? r.rateLimit() : null,
                            null);
        } else {
            error =
                    new ErrorOutcome(
                            failure.getClass().getName(),
                            null,
                            null,
                            null,
                            String.valueOf(failure.getMessage()));
        }
        return new Outcome(null, error, attemptsByWaits, waits.requested(), chunks);
    }
}
