package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.conformance.fake.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A partial expected failure: only non-null fields are checked.
 *
 * @param className simple name of the {@link ProviderException} subclass, required
 * @param status {@link ErrorDetails#status()} (0 when there was no response), or null
 * @param type {@link ErrorDetails#type()}, or null
 * @param code {@link ErrorDetails#code()} (a numeric code as its decimal string), or null
 * @param param {@link ErrorDetails#param()}, or null
 * @param retryable {@link ErrorDetails#retryable()}, or null
 * @param phase {@link ProviderTimeoutException#phase()}; only with that class; or null
 * @param messageContains a substring of {@link ErrorDetails#message()}, or null
 * @param retryAfter {@code RateLimitException.rateLimit().retryAfter()} as parsed (possibly null);
 *     only with that class; or null for unchecked
 * @param rateLimit headers {@code RateLimitException.rateLimit().headers()} must contain; never
 *     null
 * @param providerRequestId {@link ErrorDetails#providerRequestId()} (the server's {@code
 *     x-request-id}), or null
 */
public record ExpectedError(
        String className,
        Integer status,
        TextExpectation type,
        TextExpectation code,
        TextExpectation param,
        Boolean retryable,
        TimeoutPhase phase,
        String messageContains,
        Check<Duration> retryAfter,
        Map<String, String> rateLimit,
        TextExpectation providerRequestId) {

    /** Simple names of every {@link ProviderException} subclass. */
    public static final Set<String> CLASS_NAMES =
            Arrays.stream(ProviderException.class.getPermittedSubclasses())
                    .map(Class::getSimpleName)
                    .collect(Collectors.toUnmodifiableSet());

    /**
     * @throws InvalidFieldException naming the field
     */
    public ExpectedError {
        if (className == null || !CLASS_NAMES.contains(className)) {
            throw new InvalidFieldException(
                    "class",
                    "must be one of "
                            + CLASS_NAMES.stream().sorted().toList()
                            + ", was "
                            + className);
        }
        if (status != null && status != 0 && (status < 100 || status > 599)) {
            throw new InvalidFieldException(
                    "status", "must be 0 (no response) or 100..599, was " + status);
        }
        boolean timeout = className.equals(ProviderTimeoutException.class.getSimpleName());
        if (phase != null && !timeout) {
            throw new InvalidFieldException(
                    "phase", "applies only to ProviderTimeoutException, not " + className);
        }
        if (timeout && phase == null) {
            throw new InvalidFieldException(
                    "phase",
                    "is required for ProviderTimeoutException (CONNECT|HEADERS|BODY|TOTAL)");
        }
        rateLimit = rateLimit == null ? Map.of() : Map.copyOf(rateLimit);
        boolean rateLimited = className.equals(RateLimitException.class.getSimpleName());
        if ((retryAfter != null || !rateLimit.isEmpty()) && !rateLimited) {
            throw new InvalidFieldException(
                    "retryAfterMs",
                    "and rateLimit apply only to RateLimitException, not " + className);
        }
    }

    /**
     * Returns every difference between this expectation and {@code actual}, empty when it matches.
     */
    public List<String> mismatches(ProviderException actual) {
        List<String> out = new ArrayList<>();
        String actualClass = actual.getClass().getSimpleName();
        if (!className.equals(actualClass)) {
            out.add(
                    "error.class: expected "
                            + className
                            + " but was "
                            + actualClass
                            + " ("
                            + actual.getMessage()
                            + ")");
            return out;
        }
        ErrorDetails d = actual.details();
        Describe.equal(out, "error.status", status, d.status());
        Describe.text(out, "error.type", type, d.type());
        Describe.text(out, "error.code", code, d.code());
        Describe.text(out, "error.param", param, d.param());
        Describe.equal(out, "error.retryable", retryable, d.retryable());
        Describe.text(out, "error.providerRequestId", providerRequestId, d.providerRequestId());
        if (messageContains != null && !d.message().contains(messageContains)) {
            out.add(
                    "error.message: expected to contain "
                            + Describe.text(messageContains)
                            + " but was "
                            + Describe.text(d.message()));
        }
        if (actual instanceof ProviderTimeoutException t) {
            Describe.equal(out, "error.phase", phase, t.phase());
        }
        if (actual instanceof RateLimitException r) {
            Describe.check(out, "error.retryAfter", retryAfter, r.rateLimit().retryAfter());
            rateLimit.forEach(
                    (name, value) ->
                            Describe.equal(
                                    out,
                                    "error.rateLimit." + name,
                                    value,
                                    r.rateLimit().headers().get(name)));
        }
        return out;
    }
}
