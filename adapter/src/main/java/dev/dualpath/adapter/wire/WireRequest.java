package dev.dualpath.adapter.wire;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request as a transport sends it: already encoded, nothing left to decide.
 *
 * @param uri absolute URI
 * @param method {@code POST} or {@code GET}
 * @param headers header names to values; never null. Holds the {@code Authorization} header, so
 *     {@link #toString()} masks it.
 * @param body request body bytes, empty for none; never null
 */
// The body is handed over, not copied: a copy per call would cost what the hot path saves. These
// values are exchanged, never compared, so reference equality of the array does not matter.
@SuppressWarnings("ArrayRecordComponent")
public record WireRequest(URI uri, String method, Map<String, String> headers, byte[] body) {

    public WireRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** Never prints header values: one of them carries the API key. */
    @Override
    public String toString() {
        return "WireRequest["
                + method
                + " "
                + uri
                + ", headers="
                + headers.keySet()
                + ", body="
                + body.length
                + " bytes]";
    }
}
