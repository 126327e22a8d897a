package dev.dualpath.adapter.core;

import dev.dualpath.adapter.wire.WireResponse;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Picks the {@code x-ratelimit-*} headers out of a response, for errors and successes alike. */
final class RateLimitHeaders {

    static final String PREFIX = "x-ratelimit-";

    private RateLimitHeaders() {}

    /**
     * Returns lower-cased {@code x-ratelimit-*} names to their value (several values of one header
     * joined with {@code ", "}, as HTTP folds them); empty when there are none; never null.
     */
    static Map<String, String> of(WireResponse response) {
        if (response.headers() instanceof NavigableMap<String, List<String>> sorted) {
            // Names are sorted: one lookup tells a response without such a header (most of them)
            // at no allocation, where walking the entries costs an iterator and a wrapper each.
            String first = sorted.ceilingKey(PREFIX);
            if (first == null || !first.startsWith(PREFIX)) {
                return Map.of();
            }
        }
        TreeMap<String, String> out = null;
        // WireResponse already lower-cases names.
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            if (e.getKey().startsWith(PREFIX) && !e.getValue().isEmpty()) {
                if (out == null) {
                    // Created at the first match only: most responses have no such header.
                    out = new TreeMap<>();
                }
                out.put(e.getKey(), String.join(", ", e.getValue()));
            }
        }
        return out == null ? Map.of() : Map.copyOf(out);
    }
}
