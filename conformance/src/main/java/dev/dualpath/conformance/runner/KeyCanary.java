package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.error.ProviderException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/**
 * Looks for the runner's API key ({@link ClientSetup#TEST_API_KEY}) wherever a caller could read it
 * after a call: a failure's message, its {@code toString()}, its whole cause chain with suppressed
 * exceptions and every stack frame (all of which a printed stack trace holds), a provider
 * exception's details (response headers included), and the response's {@code toString()}. Run on
 * every call of every scenario on every path, so the key is checked against every kind of failure
 * the catalogue plays, and against servers that echo it.
 */
final class KeyCanary {

    private KeyCanary() {}

    /** A mismatch naming where the key appeared, or empty when it appears nowhere. */
    static Optional<String> findIn(Object response, Throwable failure) {
        String key = ClientSetup.TEST_API_KEY;
        if (response != null && String.valueOf(response).contains(key)) {
            return Optional.of("the API key appears in the response's toString()");
        }
        if (failure == null) {
            return Optional.empty();
        }
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        String details = failure instanceof ProviderException p ? String.valueOf(p.details()) : "";
        if (printed.toString().contains(key)
                || String.valueOf(failure).contains(key)
                || details.contains(key)) {
            return Optional.of(
                    "the API key appears in the failure's message, cause chain or stack trace ("
                            + failure.getClass().getName()
                            + ")");
        }
        return Optional.empty();
    }
}
