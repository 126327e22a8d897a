package dev.dualpath.adapter.core;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.wire.TransportFailure;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** {@link ErrorMapper#fromThrowable}'s rules, kept apart so the mapper stays readable. */
final class ThrowableMapping {

    static final String CANCELLED_MESSAGE = CancelledException.MESSAGE;

    /** Guards against a cause chain that loops back on itself. */
    private static final int MAX_UNWRAP_DEPTH = 32;

    private ThrowableMapping() {}

    /**
     * Maps {@code failure} (see {@link ErrorMapper#fromThrowable}).
     *
     * @param clean redacts and bounds a message
     * @param scrub keeps the key out of a cause chain (see {@code RedactedThrowable#scrub})
     */
    static ProviderException map(
            @Nullable Throwable failure,
            @Nullable String requestId,
            UnaryOperator<String> clean,
            UnaryOperator<Throwable> scrub) {
        Throwable t = unwrap(failure);
        if (t instanceof ProviderException providerException) {
            return providerException;
        }
        if (t instanceof TransportFailure transportFailure) {
            return fromTransport(transportFailure, requestId, clean, scrub);
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return new CancelledException(
                    ErrorDetails.noResponse(CANCELLED_MESSAGE, requestId, false), scrub.apply(t));
        }
        if (t == null) {
            return new ConnectionFailureException(
                    ErrorDetails.noResponse(
                            "connection failed: no response and no exception", requestId, true));
        }
        // A transport should only ever throw TransportFailure; this is a safety net. An Error (a
        // bug or exhausted VM) is not retried: another attempt will not fix it.
        String text =
                "connection failed: unexpected "
                        + t.getClass().getName()
                        + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new ConnectionFailureException(
                ErrorDetails.noResponse(clean.apply(text), requestId, t instanceof Exception),
                scrub.apply(t));
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
        Throwable t = failure;
        for (int i = 0;
                i < MAX_UNWRAP_DEPTH
                        && (t instanceof CompletionException || t instanceof ExecutionException)
                        && t.getCause() != null;
                i++) {
            t = t.getCause();
        }
        return t;
    }

    private static ProviderException fromTransport(
            TransportFailure f,
            @Nullable String requestId,
            UnaryOperator<String> clean,
            UnaryOperator<Throwable> scrub) {
        Throwable cause = scrub.apply(f);
        return switch (f.kind()) {
            case CONNECT_TIMEOUT ->
                    timeout(TimeoutPhase.CONNECT, f.getMessage(), requestId, cause, clean);
            case HEADERS_TIMEOUT ->
                    timeout(TimeoutPhase.HEADERS, f.getMessage(), requestId, cause, clean);
            case BODY_TIMEOUT ->
                    timeout(TimeoutPhase.BODY, f.getMessage(), requestId, cause, clean);
            case CANCELLED ->
                    new CancelledException(
                            ErrorDetails.noResponse(CANCELLED_MESSAGE, requestId, false), cause);
            // Nothing was sent, and the same request would be refused again: not retryable.
            case REJECTED ->
                    new ConnectionFailureException(
                            ErrorDetails.noResponse(clean.apply(f.getMessage()), requestId, false),
                            cause);
            case CONNECTION_FAILED ->
                    new ConnectionFailureException(
                            ErrorDetails.noResponse(
                                    clean.apply(withDetail("connection failed", f.getMessage())),
                                    requestId,
                                    true),
                            cause);
        };
    }

    private static ProviderException timeout(
            TimeoutPhase phase,
            @Nullable String detail,
            @Nullable String requestId,
            Throwable cause,
            UnaryOperator<String> clean) {
        String text = withDetail(timeoutText(phase), detail);
        return new ProviderTimeoutException(
                ErrorDetails.noResponse(clean.apply(text), requestId, true), phase, cause);
    }

    static String timeoutText(TimeoutPhase phase) {
        return switch (phase) {
            case CONNECT -> "timed out connecting";
            case HEADERS -> "timed out waiting for the response headers";
            case BODY -> "timed out reading the response body";
            default -> "timed out";
        };
    }

    private static String withDetail(String fixed, @Nullable String detail) {
        return detail == null || detail.isBlank() ? fixed : fixed + ": " + detail;
    }
}
