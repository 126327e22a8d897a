package dev.dualpath.testkit;

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
 */
public record Outcome(
        UnifiedChatResponse response, ErrorOutcome error, int attempts, List<Duration> sleeps) {

    /**
     * @throws IllegalArgumentException unless exactly one of response and error is set
     */
    public Outcome {
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of response and error must be set");
        }
        sleeps = sleeps == null ? List.of() : List.copyOf(sleeps);
    }

    /** Whether the call failed. */
    public boolean isError() {
        return error != null;
    }
}
