package dev.dualpath.adapter.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every failure of a chat call, on every path, is one of these. The set is closed: callers can
 * switch over it exhaustively, and the conformance suite compares two paths' failures by class and
 * {@link #details()}.
 *
 * <p>Messages are built from provider text and never include the API key.
 */
public abstract sealed class ProviderException extends RuntimeException
        permits AuthenticationException,
                PermissionDeniedException,
                NotFoundException,
                BadRequestException,
                ConflictException,
                PaymentRequiredException,
                UnprocessableEntityException,
                RateLimitException,
                ServerErrorException,
                ServiceUnavailableException,
                UnexpectedStatusException,
                ProviderTimeoutException,
                ConnectionFailureException,
                MalformedResponseException,
                StreamTruncatedException,
                CancelledException {

    private final transient ErrorDetails details;

    protected ProviderException(ErrorDetails details, @Nullable Throwable cause) {
        super(render(details), cause);
        this.details = Objects.requireNonNull(details, "details");
    }

    private static String render(ErrorDetails d) {
        StringBuilder sb = new StringBuilder();
        if (d.status() > 0) {
            sb.append("HTTP ").append(d.status()).append(": ");
        }
        sb.append(d.message());
        if (d.type() != null) sb.append(" [type=").append(d.type()).append(']');
        if (d.code() != null) sb.append(" [code=").append(d.code()).append(']');
        if (d.param() != null) sb.append(" [param=").append(d.param()).append(']');
        if (d.requestId() != null) sb.append(" [request_id=").append(d.requestId()).append(']');
        if (d.providerRequestId() != null) {
            sb.append(" [provider_request_id=").append(d.providerRequestId()).append(']');
        }
        return sb.toString();
    }

    /** The comparable fields of this failure. */
    public ErrorDetails details() {
        return details;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int status() {
        return details.status();
    }

    /** Whether the retry policy treats this outcome as worth another attempt. */
    public boolean retryable() {
        return details.retryable();
    }

    /** The client's correlation id of the call that failed, or null. */
    public @Nullable String requestId() {
        return details.requestId();
    }

    /**
     * The provider's own id for the failed request (its {@code x-request-id} response header), or
     * null when no response arrived or it had none.
     */
    public @Nullable String providerRequestId() {
        return details.providerRequestId();
    }

    /**
     * The response headers, lower-cased names to values, read-only; empty when no response arrived.
     */
    public java.util.Map<String, java.util.List<String>> headers() {
        return details.headers();
    }
}
