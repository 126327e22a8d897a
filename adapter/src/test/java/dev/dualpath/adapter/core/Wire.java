package dev.dualpath.adapter.core;

import dev.dualpath.adapter.wire.WireResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link WireResponse}s for the helper tests. */
final class Wire {

    private Wire() {}

    /**
     * @param headerPairs name, value, name, value, …
     */
    static WireResponse response(int status, String body, String... headerPairs) {
        return response(
                status,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                headerPairs);
    }

    static WireResponse response(int status, byte[] body, String... headerPairs) {
        if (headerPairs.length % 2 != 0) {
            throw new IllegalArgumentException("header pairs must come in twos");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        return new WireResponse(status, headers, body, Duration.ofMillis(7));
    }

    static WireResponse json(int status, String body, String... headerPairs) {
        String[] all = new String[headerPairs.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headerPairs, 0, all, 2, headerPairs.length);
        return response(status, body, all);
    }
}
