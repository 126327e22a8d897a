package dev.dualpath.adapter.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The validation-error body of FastAPI-style servers (a 422 from an OpenAI-compatible server built
 * on pydantic): {@code {"detail":[{"loc":["body","messages",0,"role"],"msg":"field required",
 * "type":"value_error.missing"}, …]}}. The first entry's location becomes the {@code param} ({@code
 * messages.0.role}: the request location {@code body}, {@code query}, {@code path}, {@code header}
 * or {@code cookie} dropped, the rest joined with dots), its {@code type} the type, and the message
 * is the {@code msg} of one entry, or {@code loc: msg} of each entry joined with {@code "; "} when
 * there are several.
 */
final class ValidationDetail {

    private static final Set<String> REQUEST_PARTS =
            Set.of("body", "query", "path", "header", "cookie");

    private ValidationDetail() {}

    /**
     * Reads {@code detail} if it has the validation-error shape.
     *
     * @param detail the body's {@code detail} value
     * @param top the body's top-level fields, whose {@code type} and {@code code} are kept unless
     *     the first entry names a type
     * @return the error, or null when {@code detail} is not a non-empty array of objects that each
     *     carry a string {@code msg}
     */
    static @Nullable ProviderError parse(@Nullable JsonNode detail, ProviderError top) {
        if (detail == null || !detail.isArray() || detail.isEmpty()) {
            return null;
        }
        List<String> params = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (JsonNode entry : detail) {
            JsonNode msg = entry.get("msg");
            if (!entry.isObject() || msg == null || !msg.isTextual()) {
                return null;
            }
            params.add(location(entry.get("loc")));
            messages.add(msg.textValue());
        }
        String message;
        if (messages.size() == 1) {
            message = messages.get(0);
        } else {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < messages.size(); i++) {
                if (i > 0) {
                    sb.append("; ");
                }
                if (params.get(i) != null) {
                    sb.append(params.get(i)).append(": ");
                }
                sb.append(messages.get(i));
            }
            message = sb.toString();
        }
        String firstType = ErrorBodyParser.text(detail.get(0).get("type"));
        return new ProviderError(
                firstType != null ? firstType : top.type(), top.code(), params.get(0), message);
    }

    /**
     * {@code ["body","messages",0,"role"]} → {@code messages.0.role}; null when absent or empty.
     */
    static @Nullable String location(@Nullable JsonNode loc) {
        if (loc == null || !loc.isArray() || loc.isEmpty()) {
            return loc != null && loc.isTextual() ? loc.textValue() : null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : loc) {
            String text = ErrorBodyParser.text(part);
            if (text != null) {
                parts.add(text);
            }
        }
        if (parts.size() > 1 && REQUEST_PARTS.contains(parts.get(0))) {
            parts.remove(0);
        }
        return parts.isEmpty() ? null : String.join(".", parts);
    }
}
