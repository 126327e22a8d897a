package dev.dualpath.conformance.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.dualpath.adapter.error.AuthenticationException;
import dev.dualpath.adapter.error.BadRequestException;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConflictException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.NotFoundException;
import dev.dualpath.adapter.error.PaymentRequiredException;
import dev.dualpath.adapter.error.PermissionDeniedException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.error.ServiceUnavailableException;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.error.UnexpectedStatusException;
import dev.dualpath.adapter.error.UnprocessableEntityException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;

/**
 * openai-java's failures in dualpath's classes where the mapping is unambiguous: a status-carrying
 * {@link OpenAIServiceException} by its status (type, code and param as the client parsed them;
 * {@code retryable} by the client's own rule: {@code x-should-retry}, else 408/409/429/≥500); an
 * I/O failure (also when the client reports it as invalid data caused by an {@link IOException}) as
 * a connection failure, a timeout (phase unknown to the client: {@code TOTAL}) or, when
 * interrupted, a cancellation; unparseable data as a malformed response (status 200, the client
 * does not say). Anything else is passed through as is, to show up as a foreign failure.
 */
final class OpenAiErrors {

    private OpenAiErrors() {}

    static Throwable map(Throwable thrown, String requestId) {
        Throwable t =
                thrown instanceof CompletionException && thrown.getCause() != null
                        ? thrown.getCause()
                        : thrown;
        if (t instanceof OpenAIServiceException e) {
            return byStatus(e, requestId);
        }
        if (t instanceof OpenAIInvalidDataException e && !isIo(e.getCause())) {
            return new MalformedResponseException(
                    new ErrorDetails(200, null, null, null, e.getMessage(), requestId, false), e);
        }
        // The client reports an I/O failure while reading the body as invalid data, caused by
        // the IOException.
        if (t instanceof OpenAIIoException || t instanceof OpenAIInvalidDataException) {
            RuntimeException e = (RuntimeException) t;
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof SocketTimeoutException || "timeout".equals(cause.getMessage())) {
                return new ProviderTimeoutException(
                        ErrorDetails.noResponse(e.getMessage(), requestId, true),
                        TimeoutPhase.TOTAL,
                        e);
            }
            if (cause instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
                return CancelledException.of(requestId, e);
            }
            return new ConnectionFailureException(
                    ErrorDetails.noResponse(e.getMessage(), requestId, true), e);
        }
        return t;
    }

    /** An I/O failure, not a JSON parse failure (Jackson's exceptions are IOExceptions too). */
    private static boolean isIo(Throwable cause) {
        return cause instanceof IOException && !(cause instanceof JsonProcessingException);
    }

    private static Throwable byStatus(OpenAIServiceException e, String requestId) {
        int status = e.statusCode();
        String shouldRetry = OpenAiResponses.first(e.headers(), "x-should-retry");
        boolean retryable =
                shouldRetry != null
                        ? shouldRetry.equalsIgnoreCase("true")
                        : status == 408 || status == 409 || status == 429 || status >= 500;
        ErrorDetails d =
                new ErrorDetails(
                        status,
                        e.type().orElse(null),
                        e.code().orElse(null),
                        e.param().orElse(null),
                        String.valueOf(e.getMessage()),
                        requestId,
                        OpenAiResponses.first(e.headers(), "x-request-id"),
                        OpenAiResponses.all(e.headers()),
                        retryable);
        return switch (status) {
            case 400 -> new BadRequestException(d, e);
            case 401 -> new AuthenticationException(d, e);
            case 402 -> new PaymentRequiredException(d, e);
            case 403 -> new PermissionDeniedException(d, e);
            case 404 -> new NotFoundException(d, e);
            case 409 -> new ConflictException(d, e);
            case 422 -> new UnprocessableEntityException(d, e);
            case 429 ->
                    new RateLimitException(
                            d, new RateLimitInfo(null, OpenAiResponses.rateLimit(e.headers())), e);
            case 503 -> new ServiceUnavailableException(d, e);
            default ->
                    status >= 500
                            ? new ServerErrorException(d, e)
                            : new UnexpectedStatusException(d, e);
        };
    }
}
