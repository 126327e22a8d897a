package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.MessageHeaders;

/** Copies headers between a {@link WireRequest}/{@link WireResponse} and Apache messages. */
final class ApacheHeaders {

    private ApacheHeaders() {}

    /**
     * Adds every header of the request except those the client manages ({@link ManagedHeaders}).
     */
    static void copyTo(WireRequest request, HttpMessage message) {
        request.headers()
                .forEach(
                        (name, value) -> {
                            if (!ManagedHeaders.isManaged(name)) {
                                message.addHeader(name, value);
                            }
                        });
    }

    /** Returns lower-cased names to values, repeated headers in arrival order. */
    static Map<String, List<String>> toMap(MessageHeaders message) {
        Header[] headers = message.getHeaders();
        Map<String, List<String>> map = new HashMap<>(headers.length * 2);
        for (Header h : headers) {
            map.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(h.getValue());
        }
        return map;
    }
}
