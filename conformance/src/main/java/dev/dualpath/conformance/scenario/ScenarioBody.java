package dev.dualpath.conformance.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** A scripted response's body, from the one body field a scenario gives. */
final class ScenarioBody {

    /** The largest body a {@code bodyRepeat} may expand to, in bytes of repeated units. */
    static final int MAX_REPEAT = 64 * 1024 * 1024;

    private ScenarioBody() {}

    /**
     * The body the fields give: {@code body} (UTF-8 text), {@code bodyJson} (serialised with the
     * digits the file spells), {@code bodyBase64}, or {@code bodyRepeat} (prefix + unit × count +
     * suffix, at most {@value #MAX_REPEAT} bytes of repeats); empty when none is given.
     *
     * @throws ScenarioFormatException naming the field, if two are given or one is malformed
     */
    static byte[] bytes(JsonFields f) {
        List<String> given =
                Arrays.stream(new String[] {"body", "bodyJson", "bodyBase64", "bodyRepeat"})
                        .filter(f::has)
                        .toList();
        if (given.size() > 1) {
            throw f.error(
                    given.get(1), "cannot be combined with " + given.get(0) + ": give one body");
        }
        if (f.has("body")) {
            return f.string("body").getBytes(StandardCharsets.UTF_8);
        }
        if (f.has("bodyJson")) {
            try {
                return ScenarioParser.JSON.writeValueAsBytes(f.raw("bodyJson"));
            } catch (JsonProcessingException e) {
                throw f.error("bodyJson", "cannot be serialised: " + e.getOriginalMessage());
            }
        }
        if (f.has("bodyBase64")) {
            try {
                return Base64.getDecoder().decode(f.string("bodyBase64"));
            } catch (IllegalArgumentException e) {
                throw f.error("bodyBase64", "is not base64: " + e.getMessage());
            }
        }
        JsonFields r = f.optObject("bodyRepeat");
        if (r == null) {
            return new byte[0];
        }
        r.allowOnly("prefix", "unit", "count", "suffix");
        String unit = r.string("unit");
        Integer count = r.optInt("count");
        if (unit.isEmpty()) {
            throw r.error("unit", "must not be empty");
        }
        if (count == null || count < 1 || (long) count * unit.length() > MAX_REPEAT) {
            throw r.error(
                    "count",
                    "must be >= 1 with count × unit length <= " + MAX_REPEAT + ", was " + count);
        }
        String prefix = r.optString("prefix");
        String suffix = r.optString("suffix");
        StringBuilder sb = new StringBuilder(count * unit.length() + 256);
        sb.append(prefix == null ? "" : prefix)
                .append(unit.repeat(count))
                .append(suffix == null ? "" : suffix);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
