package dev.dualpath.testkit;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ResponseMetrics;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The one normaliser: the only thing allowed to differ between two paths is client-side timing, so
 * this drops exactly that — {@link ResponseMetrics#duration()}, {@link
 * ResponseMetrics#timeToFirstByte()} and {@link ResponseMetrics#roundTripSeconds()} — and keeps
 * everything else, the server's own {@code time_info} figures included (they come from the body, so
 * every path must parse them alike). A failure keeps its class, every {@link ErrorDetails} field
 * (message, both request ids and the response headers included), its timeout phase and its
 * rate-limit info; its cause and stack are dropped. Of the response headers, only those that differ
 * per exchange whoever the client is are dropped ({@link #PER_EXCHANGE_HEADERS}).
 */
public final class Normaliser {

    /**
     * Response headers whose value differs between two exchanges with the same server script,
     * whatever the client: the server's clock ({@code date}) and the id of the stub the fake
     * provider created for that run ({@code matched-stub-id}, new every time a script is applied).
     */
    public static final Set<String> PER_EXCHANGE_HEADERS = Set.of("date", "matched-stub-id");

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
                            withoutPerExchangeHeaders(p.details()),
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

    private static ErrorDetails withoutPerExchangeHeaders(ErrorDetails details) {
        if (details.headers().keySet().stream().noneMatch(PER_EXCHANGE_HEADERS::contains)) {
            return details;
        }
        Map<String, List<String>> kept = new TreeMap<>(details.headers());
        kept.keySet().removeAll(PER_EXCHANGE_HEADERS);
        return details.withHeaders(kept);
    }
}
