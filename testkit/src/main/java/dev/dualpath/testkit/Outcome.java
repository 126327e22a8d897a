package dev.dualpath.testkit;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.time.Duration;
import java.util.List;

/**
 * What one call came to, normalised by {@link Normaliser}: the only value two paths are compared
 * by. Equal outcomes mean the paths behaved identically (timing aside).
 *
 * @param response the response with its client-side timing removed, or null when the call failed
 * @param error the failure, or null when the call succeeded
 * @param attempts HTTP attempts: the response's {@code metadata.attempts} when it reports one, else
 *     1 + the retry waits that ran to their end
 * @param sleeps the retry waits asked for, in order; never null
 * @param chunks the chunks a streamed call delivered before its outcome, in order (they carry no
 *     client timing, so they are compared as delivered); empty for a call not streamed
 */
public record Outcome(
        UnifiedChatResponse response,
        ErrorOutcome error,
        int attempts,
        List<Duration> sleeps,
        List<ChatChunk> chunks) {

    /**
     * @throws IllegalArgumentException unless exactly one of response and error is set
     */
    public Outcome {
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of response and error must be set");
        }
        sleeps = sleeps == null ? List.of() : List.copyOf(sleeps);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    /** The outcome of a call that is not streamed. */
    public Outcome(
            UnifiedChatResponse response, ErrorOutcome error, int attempts, List<Duration> sleeps) {
        this(response, error, attempts, sleeps, List.of());
    }

    /** Whether the call failed. */
    public boolean isError() {
        return error != null;
    }
}
