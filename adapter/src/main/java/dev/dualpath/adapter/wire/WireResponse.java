package dev.dualpath.adapter.wire;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP response as a transport received it, body read completely.
 *
 * @param status the HTTP status code
 * @param headers header names (lower-cased) to their values; never null
 * @param body the whole body, empty for none; never null
 * @param timeToFirstByte from sending the request to receiving the headers, or null when the
 *     transport cannot tell
 */
// The body is handed over, not copied: a copy per call would cost what the hot path saves. These
// values are exchanged, never compared, so reference equality of the array does not matter.
@SuppressWarnings("ArrayRecordComponent")
public record WireResponse(
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        @Nullable Duration timeToFirstByte) {

    public WireResponse {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach(
                    (k, v) -> {
                        if (k != null)
                            lower.merge(
                                    k.toLowerCase(Locale.ROOT),
                                    List.copyOf(v),
                                    WireResponse::concat);
                    });
        }
        headers = java.util.Collections.unmodifiableNavigableMap(lower);
        body = body == null ? new byte[0] : body;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The first value of a header (case-insensitive name), or null. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "WireResponse["
                + status
                + ", headers="
                + headers.keySet()
                + ", body="
                + body.length
                + " bytes]";
    }
}
