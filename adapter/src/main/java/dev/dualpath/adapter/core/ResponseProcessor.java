package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ProviderMetadata;
import dev.dualpath.adapter.model.ResponseMetrics;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.model.Usage;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Turns a 2xx response into a {@link UnifiedChatResponse} with metrics. Pure: no I/O, thread-safe.
 *
 * <p>Strictness: unknown fields are ignored everywhere, and an absent or {@code null} field reads
 * as null (a token count inside {@code usage} as 0, {@code created} as 0, a choice's {@code index}
 * as its position). But a field that is present with the wrong JSON type is malformed: strings are
 * never coerced to numbers ({@code "prompt_tokens":"12"} is rejected) nor numbers to strings
 * ({@code "content":42} is rejected), and a non-string tool-call {@code arguments} is rejected too.
 * {@code choices} must be present (an empty array is allowed). A float {@code created} is
 * truncated.
 */
public final class ResponseProcessor {

    /** The provider name written into {@code ProviderMetadata}. */
    public static final String PROVIDER = "cerebras";

    private final UnaryOperator<String> redact;
    private final SuccessReader reader;

    /**
     * A processor that does not redact: use it only where no API key can be echoed back, e.g. in
     * tests; the adapter should pass its key to {@link #ResponseProcessor(ApiKey)}.
     */
    public ResponseProcessor() {
        this.redact = UnaryOperator.identity();
        this.reader = SuccessReader.STREAM;
    }

    /**
     * @param apiKey removed from the messages of {@link MalformedResponseException}s, which may
     *     quote an error object the provider sent on a 2xx
     */
    public ResponseProcessor(ApiKey apiKey) {
        this(apiKey, SuccessReader.STREAM);
    }

    /**
     * A processor reading success bodies with {@code reader}; the adapter's is {@link
     * SuccessReader#STREAM}, and {@link SuccessReader#TREE} gives the same results more slowly.
     *
     * @param apiKey as {@link #ResponseProcessor(ApiKey)}
     * @throws NullPointerException if either is null
     */
    public ResponseProcessor(ApiKey apiKey, SuccessReader reader) {
        this.redact = Objects.requireNonNull(apiKey, "apiKey")::redact;
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Turns a successful wire response into the unified response.
     *
     * @param response a 2xx response
     * @param duration client wall time of the whole call so far
     * @param requestId the call's correlation id
     * @param attempts how many attempts the call made
     * @return the unified response: reasoning from {@code message.reasoning}, else a leading {@code
     *     <think>…</think>} block (removed from the content); an absent or null content stays null;
     *     metrics from {@code time_info}; rate-limit headers and {@code x-request-id} in the
     *     metadata
     * @throws MalformedResponseException if the body is empty, not JSON, truncated, of wrong types,
     *     or an error object on a 2xx (status preserved in the details, never retryable)
     * @throws NullPointerException if {@code response} or {@code duration} is null
     */
    public UnifiedChatResponse process(
            WireResponse response, Duration duration, String requestId, int attempts) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(duration, "duration");
        // The token stream reads the usual body without building a tree; anything it is not sure
        // about goes to the tree reader, which alone decides what is malformed and says why.
        SuccessBody body = reader.read(this, response, requestId);
        return new UnifiedChatResponse(
                body.id(),
                body.model(),
                body.created(),
                body.systemFingerprint(),
                body.serviceTier(),
                body.choices(),
                body.usage(),
                metrics(response, duration, body.usage(), body.time()),
                new ProviderMetadata(
                        PROVIDER,
                        requestId,
                        response.header(ResponseHeaders.PROVIDER_REQUEST_ID),
                        attempts,
                        RateLimitHeaders.of(response)));
    }

    /** The tree reader: slower, and the authority on every body that is not a plain success. */
    SuccessBody readTree(WireResponse response, String requestId) {
        JsonNode root = parse(response, requestId);
        if (ErrorBodyParser.looksLikeError(root)) {
            ProviderError e = ErrorBodyParser.fromObject(root);
            throw malformed(
                    response,
                    requestId,
                    e.type(),
                    e.code(),
                    e.param(),
                    "error object in a 2xx response: " + e.message());
        }
        try {
            List<Choice> choices = BodyReader.choices(root);
            Usage usage = BodyReader.usage(root);
            TimeInfo time = TimeInfo.read(root);
            return new SuccessBody(
                    Fields.text(root, "id", "id"),
                    Fields.text(root, "model", "model"),
                    BodyReader.created(root),
                    Fields.text(root, "system_fingerprint", "system_fingerprint"),
                    Fields.text(root, "service_tier", "service_tier"),
                    List.copyOf(choices),
                    usage,
                    time);
        } catch (Fields.ShapeException e) {
            throw malformed(
                    response,
                    requestId,
                    null,
                    null,
                    null,
                    "malformed response body: " + e.getMessage());
        }
    }

    private JsonNode parse(WireResponse response, String requestId) {
        byte[] body = response.body();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(response, requestId, null, null, null, describeInvalid(response, e));
        } catch (IOException e) {
            // Reading a byte array does no I/O; kept for the checked signature.
            throw malformed(
                    response,
                    requestId,
                    null,
                    null,
                    null,
                    "unreadable response body (" + body.length + " bytes)");
        }
        if (root == null || root.isMissingNode()) {
            throw malformed(response, requestId, null, null, null, "empty response body");
        }
        if (!root.isObject()) {
            throw malformed(
                    response,
                    requestId,
                    null,
                    null,
                    null,
                    "response body is " + Fields.kind(root) + ", expected a JSON object");
        }
        return root;
    }

    /**
     * JSON that went wrong part-way says where; anything else (an HTML page, text) says what it
     * looks like.
     */
    private static String describeInvalid(WireResponse response, JsonProcessingException e) {
        byte[] body = response.body();
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length
                && (body[first] == '{' || body[first] == '[' || body[first] == '"')) {
            return JsonFailure.describe(body, e);
        }
        return ErrorBodyParser.describeNonJson(body, response.header("content-type"));
    }

    /**
     * A malformed-response error for {@code response}, its texts redacted and bounded, with the
     * provider's request id and the redacted headers as every other error carries them.
     *
     * @param response the response that could not be read
     * @param requestId the client's correlation id
     * @param type the provider's error type, or null
     * @param code the provider's error code, or null
     * @param param the provider's error param, or null
     * @param message what was wrong; must not contain the API key (it is redacted again anyway)
     * @return the error, not thrown
     */
    public MalformedResponseException malformed(
            WireResponse response,
            String requestId,
            @Nullable String type,
            @Nullable String code,
            @Nullable String param,
            String message) {
        return new MalformedResponseException(
                new ErrorDetails(
                        response.status(),
                        clean(type),
                        clean(code),
                        clean(param),
                        Objects.requireNonNullElse(clean(message), ""),
                        requestId,
                        ResponseHeaders.providerRequestId(response, this::clean),
                        ResponseHeaders.redacted(response, redact),
                        false));
    }

    private @Nullable String clean(@Nullable String text) {
        return text == null ? null : Messages.bound(redact.apply(text), Messages.MAX_MESSAGE_CHARS);
    }

    static ResponseMetrics metrics(
            WireResponse response, Duration duration, @Nullable Usage usage, TimeInfo time) {
        Double roundTrip =
                time.totalSeconds() == null ? null : duration.toNanos() / 1e9 - time.totalSeconds();
        Double tokensPerSecond =
                usage == null || time.completionSeconds() == null || time.completionSeconds() <= 0
                        ? null
                        : usage.completionTokens() / time.completionSeconds();
        return new ResponseMetrics(
                duration,
                response.timeToFirstByte(),
                roundTrip,
                time.queueSeconds(),
                time.promptSeconds(),
                time.completionSeconds(),
                time.totalSeconds(),
                tokensPerSecond);
    }
}
