package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.time.Duration;
import java.util.List;

/**
 * What a runner saw for one call, to check against an {@link Expectation}.
 *
 * @param response the response, or null when the call failed
 * @param error the failure, or null when the call succeeded
 * @param attempts HTTP attempts the call made (metadata.attempts on success; on failure as the
 *     runner counted them, e.g. recorded sleeps + 1), or null if unknown
 * @param sleeps the retry waits the adapter's sleeper was asked for, in order, never null
 * @param serverRequests {@code FakeProvider.chatRequestCount()} after the call (after all calls of
 *     the run)
 * @param clientAborts {@code FakeProvider.clientAbortCount()} once the call ended
 * @param chunks the chunks a streamed call delivered, in order; empty for a call not streamed
 */
public record Observation(
        UnifiedChatResponse response,
        ProviderException error,
        Integer attempts,
        List<Duration> sleeps,
        int serverRequests,
        int clientAborts,
        List<ChatChunk> chunks) {

    public Observation {
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of response and error must be set");
        }
        sleeps = sleeps == null ? List.of() : List.copyOf(sleeps);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    /** An observation of a call that is not streamed. */
    public Observation(
            UnifiedChatResponse response,
            ProviderException error,
            Integer attempts,
            List<Duration> sleeps,
            int serverRequests,
            int clientAborts) {
        this(response, error, attempts, sleeps, serverRequests, clientAborts, List.of());
    }
}
