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

/** {@link ErrorMapper#fromThrowable}'s rules, kept apart so the mapper stays readable. */
final class ThrowableMapping {

    static final String CANCELLED_MESSAGE = CancelledException.MESSAGE;

    /** Guards against a cause chain that loops back on itself. */
    private static final int MAX_UNWRAP_DEPTH = 32;

    private ThrowableMapping() {}

    static ProviderException map(Throwable failure, String requestId, UnaryOperator<String> clean) {
        Throwable t = unwrap(failure);
        if (t instanceof ProviderException providerException) {
            return providerException;
        }
        if (t instanceof TransportFailure transportFailure) {
            return fromTransport(transportFailure, requestId, clean);
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return new CancelledException(
                    ErrorDetails.noResponse(CANCELLED_MESSAGE, requestId, false), t);
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
                ErrorDetails.noResponse(clean.apply(text), requestId, t instanceof Exception), t);
    }

    private static Throwable unwrap(Throwable failure) {
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
            TransportFailure f, String requestId, UnaryOperator<String> clean) {
        switch (f.kind()) {
            case CONNECT_TIMEOUT:
                return timeout(TimeoutPhase.CONNECT, f.getMessage(), requestId, f, clean);
            case HEADERS_TIMEOUT:
                return timeout(TimeoutPhase.HEADERS, f.getMessage(), requestId, f, clean);
            case BODY_TIMEOUT:
                return timeout(TimeoutPhase.BODY, f.getMessage(), requestId, f, clean);
            case CANCELLED:
                return new CancelledException(
                        ErrorDetails.noResponse(CANCELLED_MESSAGE, requestId, false), f);
            case CONNECTION_FAILED:
            default:
                return new ConnectionFailureException(
                        ErrorDetails.noResponse(
                                clean.apply(withDetail("connection failed", f.getMessage())),
                                requestId,
                                true),
                        f);
        }
    }

    private static ProviderException timeout(
            TimeoutPhase phase,
            String detail,
            String requestId,
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

    private static String withDetail(String fixed, String detail) {
        return detail == null || detail.isBlank() ? fixed : fixed + ": " + detail;
    }
}
