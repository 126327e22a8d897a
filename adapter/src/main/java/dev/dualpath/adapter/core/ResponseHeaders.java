package dev.dualpath.adapter.core;

import dev.dualpath.adapter.wire.WireResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What an error keeps of its response's headers: the provider's request id and every header, the
 * API key masked in any value that echoes it. One place, so that an error on a non-2xx status and a
 * malformed 2xx carry the same.
 */
final class ResponseHeaders {

    /** The response header that holds the provider's own id for the request. */
    static final String PROVIDER_REQUEST_ID = "x-request-id";

    private ResponseHeaders() {}

    /** The provider's request id, redacted and bounded; null when absent. */
    static @Nullable String providerRequestId(WireResponse response, UnaryOperator<String> clean) {
        String id = response.header(PROVIDER_REQUEST_ID);
        return id == null ? null : clean.apply(id);
    }

    /**
     * Every header, values passed through {@code redact} (which never returns null for a non-null
     * value); names as the response has them (lower-cased).
     */
    static Map<String, List<String>> redacted(WireResponse response, UnaryOperator<String> redact) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        response.headers()
                .forEach(
                        (name, values) -> {
                            List<String> clean = new ArrayList<>(values.size());
                            for (String v : values) {
                                clean.add(v == null ? "" : redact.apply(v));
                            }
                            out.put(name, clean);
                        });
        return out;
    }
}
