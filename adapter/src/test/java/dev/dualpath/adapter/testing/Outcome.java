package dev.dualpath.adapter.testing;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.Callable;

/**
 * What one call came to, with timing removed: the one normaliser the tests compare paths through.
 * Either a response without metrics, or an error's class, details and timeout phase.
 */
public record Outcome(
        UnifiedChatResponse response,
        Class<?> errorClass,
        ErrorDetails details,
        TimeoutPhase phase) {

    /**
     * Runs {@code call} and captures what it returned or threw (any throwable: a wrapper must show
     * up as a mismatch).
     */
    public static Outcome of(Callable<UnifiedChatResponse> call) {
        try {
            return new Outcome(call.call().withMetrics(null), null, null, null);
        } catch (ProviderException e) {
            TimeoutPhase phase = e instanceof ProviderTimeoutException t ? t.phase() : null;
            return new Outcome(null, e.getClass(), e.details(), phase);
        } catch (Exception e) {
            return new Outcome(null, e.getClass(), null, null);
        }
    }

    public boolean isError() {
        return errorClass != null;
    }
}
