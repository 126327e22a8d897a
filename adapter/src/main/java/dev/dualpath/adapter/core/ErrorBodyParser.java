package dev.dualpath.adapter.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads whatever an error response carries into a {@link ProviderError}. Never throws: a body that
 * cannot be read still yields a deterministic, descriptive message, so the status is never hidden.
 *
 * <p>Shapes: Cerebras top-level {@code {"message","type","param","code"}}; OpenAI nested {@code
 * {"error":{…}}} (or {@code {"error":"text"}}); {@code {"detail":…}}, with FastAPI's validation
 * list {@code {"detail":[{"loc":[…],"msg":…}]}} read by {@link ValidationDetail}; vLLM {@code
 * {"object":"error",…,"code":400}}; a {@code message} that is an object or array (its compact
 * JSON); a JSON string; HTML (its {@code <title>}); text (its first line); an empty body.
 *
 * <p>Messages do not repeat the status: {@code ProviderException} already prefixes {@code HTTP n:}.
 */
final class ErrorBodyParser {

    /** Only this much of a non-JSON body is decoded, to bound the work on a huge HTML page. */
    private static final int MAX_DECODED_BYTES = 64 * 1024;

    private static final int MAX_SNIPPET_CHARS = 200;
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ErrorBodyParser() {}

    static ProviderError parse(byte @Nullable [] body, @Nullable String contentType) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (isBlank(bytes)) {
            return message("empty response body");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (Exception e) {
            // Any failure of the JSON reader (syntax, limits) just means "not JSON" here.
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            return message(describeNonJson(bytes, contentType));
        }
        if (root.isObject()) {
            return fromObject(root);
        }
        if (root.isTextual()) {
            return message(root.textValue());
        }
        return message("unrecognised error body: " + root);
    }

    /** Reads an error object in any of the JSON shapes; also used for an error object on a 2xx. */
    static ProviderError fromObject(JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            ProviderError nested = fields(error);
            return nested.message() != null ? nested : withMessage(nested, "error body: " + root);
        }
        if (error != null && error.isTextual()) {
            ProviderError top = fields(root);
            return new ProviderError(top.type(), top.code(), top.param(), error.textValue());
        }
        JsonNode detail = root.get("detail");
        if (detail != null && !detail.isNull() && !root.has("message")) {
            ProviderError top = fields(root);
            ProviderError validation = ValidationDetail.parse(detail, top);
            return validation != null
                    ? validation
                    : new ProviderError(top.type(), top.code(), top.param(), text(detail));
        }
        ProviderError top = fields(root);
        return top.message() != null ? top : withMessage(top, "error body: " + root);
    }

    /**
     * Whether a 2xx body is an error object rather than a completion: a non-null {@code error}
     * (even beside {@code choices}), or, without {@code choices}, vLLM's {@code "object":"error"},
     * a {@code detail}, or Cerebras' {@code message} with {@code type}.
     */
    static boolean looksLikeError(JsonNode root) {
        if (!root.isObject()) {
            return false;
        }
        JsonNode error = root.get("error");
        if (error != null && (error.isObject() || error.isTextual())) {
            return true;
        }
        if (root.has("choices")) {
            return false;
        }
        JsonNode object = root.get("object");
        boolean vllmError = object != null && "error".equals(object.textValue());
        return vllmError
                || root.hasNonNull("detail")
                || (root.hasNonNull("message") && root.hasNonNull("type"));
    }

    private static ProviderError fields(JsonNode o) {
        return new ProviderError(
                text(o.get("type")),
                text(o.get("code")),
                text(o.get("param")),
                text(o.get("message")));
    }

    /**
     * A field as text: a string as itself, an integral number as its decimal string (vLLM's {@code
     * "code":400} becomes {@code "400"}), any other number or boolean as written, an object or
     * array as its compact JSON, and null or absent as null.
     */
    static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            // A double that overflowed (1e400 reads as Infinity) has no decimal value: keep its
            // text rather than let a NumberFormatException escape the "never throws" mapper.
            double d = node.doubleValue();
            return Double.isFinite(d) ? node.decimalValue().toPlainString() : node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        // ObjectNode/ArrayNode.toString() is Jackson's compact, deterministic JSON.
        return node.toString();
    }

    static String describeNonJson(byte[] bytes, @Nullable String contentType) {
        String type = mediaType(contentType);
        StringBuilder sb =
                new StringBuilder("non-JSON response body (")
                        .append(type == null ? "no content type" : type)
                        .append(", ")
                        .append(bytes.length)
                        .append(bytes.length == 1 ? " byte)" : " bytes)");
        String summary = summary(bytes, type);
        if (summary != null && !summary.isEmpty()) {
            sb.append(": ").append(summary);
        }
        return sb.toString();
    }

    /** The HTML {@code <title>}, or the start of a text body; null for other types. */
    private static @Nullable String summary(byte[] bytes, @Nullable String type) {
        String text =
                new String(
                        bytes,
                        0,
                        Math.min(bytes.length, MAX_DECODED_BYTES),
                        StandardCharsets.UTF_8);
        boolean html = type != null && type.contains("html");
        if (html || type == null) {
            Matcher title = TITLE.matcher(text);
            if (title.find()) {
                return clean(title.group(1));
            }
            if (html) {
                return null;
            }
        }
        return type == null || type.startsWith("text/") ? clean(text) : null;
    }

    /** Collapses whitespace and control characters, bounded to a short snippet. */
    private static @Nullable String clean(String raw) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < raw.length() && sb.length() < MAX_SNIPPET_CHARS; i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return Messages.bound(sb.toString(), MAX_SNIPPET_CHARS);
    }

    /** {@code text/html; charset=utf-8} → {@code text/html}; null or blank → null. */
    static @Nullable String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String t =
                (semi >= 0 ? contentType.substring(0, semi) : contentType)
                        .strip()
                        .toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static ProviderError message(@Nullable String message) {
        return new ProviderError(null, null, null, message);
    }

    private static ProviderError withMessage(ProviderError e, String message) {
        return new ProviderError(e.type(), e.code(), e.param(), message);
    }
}
