package dev.dualpath.adapter.core;

import dev.dualpath.adapter.error.AuthenticationException;
import dev.dualpath.adapter.error.BadRequestException;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConflictException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.NotFoundException;
import dev.dualpath.adapter.error.PaymentRequiredException;
import dev.dualpath.adapter.error.PermissionDeniedException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.error.ServiceUnavailableException;
import dev.dualpath.adapter.error.UnexpectedStatusException;
import dev.dualpath.adapter.error.UnprocessableEntityException;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.secret.RedactedThrowable;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Maps every way a call can fail to one {@link ProviderException}. It <em>returns</em> the
 * exception for the caller to throw, so no path can fall through without one (the Python original's
 * handler could return and leave {@code raw} unbound). Pure: no I/O, thread-safe.
 *
 * <p>Every message, type, code and param passes through {@link ApiKey#redact} (a provider may echo
 * the key) and is then bounded to {@value Messages#MAX_MESSAGE_CHARS} characters. Messages are
 * deterministic (no timing, thread names or transport class names), so two paths meeting the same
 * server behaviour produce equal {@link ErrorDetails}.
 */
public final class ErrorMapper {

    static final String SHOULD_RETRY = "x-should-retry";

    private final ApiKey apiKey;
    private final Clock clock;

    /**
     * @param apiKey removed from every message, in case a provider echoes it
     */
    public ErrorMapper(ApiKey apiKey) {
        this(apiKey, Clock.systemUTC());
    }

    /**
     * @param apiKey removed from every message, in case a provider echoes it
     * @param clock the "now" an HTTP-date {@code retry-after} is measured from
     * @throws NullPointerException if either is null
     */
    public ErrorMapper(ApiKey apiKey, Clock clock) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Maps a non-2xx response. The status decides the class (400 bad request, 401 authentication,
     * 402 payment required, 403 permission denied, 404 not found, 409 conflict, 422 unprocessable,
     * 429 rate limit, 503 service unavailable, other ≥500 server error, anything else unexpected
     * status); the body only fills in the details, and a body that does not parse never hides the
     * status. Accepts Cerebras top-level bodies, OpenAI nested {@code {"error":{…}}}, {@code
     * {"detail":…}}, vLLM numeric {@code code}, an object {@code message}, HTML and empty bodies.
     * Retryable: 408, 409, 429, ≥500, overridden by {@code x-should-retry: true|false}.
     *
     * <p>A 429 carries a {@link RateLimitInfo}: the {@code retry-after-ms}/{@code retry-after}
     * delay as parsed (uncapped; null when absent, unparseable or negative) and the {@code
     * x-ratelimit-*} headers. Messages for bodies that are not JSON describe them instead, e.g.
     * {@code non-JSON response body (text/html, 1532 bytes): 502 Bad Gateway} or {@code empty
     * response body}; the status is not repeated, as the exception message prefixes it.
     *
     * <p>Every such error keeps the provider's identity: its {@code x-request-id} as {@link
     * ErrorDetails#providerRequestId()} and all response headers (the key masked) as {@link
     * ErrorDetails#headers()}, beside the client's {@code requestId}.
     *
     * @param response a response whose status is not 2xx
     * @param requestId the call's correlation id
     * @return the exception to throw; never null
     * @throws NullPointerException if {@code response} is null
     */
    public ProviderException fromResponse(WireResponse response, String requestId) {
        Objects.requireNonNull(response, "response");
        int status = response.status();
        ProviderError parsed =
                ErrorBodyParser.parse(response.body(), response.header("content-type"));
        ErrorDetails details =
                new ErrorDetails(
                        status,
                        clean(parsed.type()),
                        clean(parsed.code()),
                        clean(parsed.param()),
                        Objects.requireNonNullElse(clean(parsed.message()), ""),
                        requestId,
                        ResponseHeaders.providerRequestId(response, this::clean),
                        ResponseHeaders.redacted(response, apiKey::redact),
                        retryable(status, response));
        return ofStatus(details, response);
    }

    private ProviderException ofStatus(ErrorDetails d, WireResponse response) {
        int status = d.status();
        return switch (status) {
            case 400 -> new BadRequestException(d);
            case 401 -> new AuthenticationException(d);
            case 402 -> new PaymentRequiredException(d);
            case 403 -> new PermissionDeniedException(d);
            case 404 -> new NotFoundException(d);
            case 409 -> new ConflictException(d);
            case 422 -> new UnprocessableEntityException(d);
            case 429 ->
                    new RateLimitException(
                            d,
                            new RateLimitInfo(
                                    RetryAfterParser.parse(response, clock),
                                    RateLimitHeaders.of(response)));
            case 503 -> new ServiceUnavailableException(d);
            default ->
                    status >= 500 ? new ServerErrorException(d) : new UnexpectedStatusException(d);
        };
    }

    /**
     * The SDKs' rule, then the server's {@code x-should-retry} (only exactly true/false, any case)
     * wins.
     */
    static boolean retryable(int status, WireResponse response) {
        String override = response.header(SHOULD_RETRY);
        if (override != null) {
            String v = override.strip();
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * Maps anything thrown or completed exceptionally on the way to a response: a {@code
     * TransportFailure} by its kind (timeouts keep their phase), a {@code ProviderException} as
     * itself, {@code CompletionException}/{@code ExecutionException} by their cause, {@code
     * CancellationException} and {@code InterruptedException} as cancelled, anything else as a
     * connection failure.
     *
     * <p>Details: {@code TransportFailure} timeouts become a retryable {@code
     * ProviderTimeoutException} of phase CONNECT, HEADERS or BODY; {@code CONNECTION_FAILED} a
     * retryable {@code ConnectionFailureException}; {@code CANCELLED} a non-retryable {@code
     * CancelledException}. The message is a fixed text per kind followed by the transport's own
     * message, which transports keep deterministic. Library-specific exceptions are the transports'
     * business: each maps its client's failures to a {@code TransportFailure}, so these helpers
     * know no HTTP library. Every cancellation, however it arrived, gets the same message so both
     * paths agree. This method never touches the thread's interrupt flag: a caller that caught an
     * {@code InterruptedException} restores it.
     *
     * @param failure what was thrown; null is treated as an unknown connection failure
     * @param requestId the call's correlation id
     * @return the exception to throw; never null, never a wrapper
     */
    public ProviderException fromThrowable(@Nullable Throwable failure, String requestId) {
        return ThrowableMapping.map(
                failure, requestId, this::clean, cause -> RedactedThrowable.scrub(cause, apiKey));
    }

    /**
     * A cancelled error for this call, e.g. after an interrupt while waiting. Not retryable; its
     * message is the same as every other cancellation's.
     *
     * @param cause kept as the exception's cause; may be null
     */
    public ProviderException cancelled(String requestId, @Nullable Throwable cause) {
        return CancelledException.of(requestId, RedactedThrowable.scrub(cause, apiKey));
    }

    /** Redact first, then bound: bounding first could cut the key and let half of it through. */
    private @Nullable String clean(@Nullable String text) {
        return Messages.bound(apiKey.redact(text), Messages.MAX_MESSAGE_CHARS);
    }
}
