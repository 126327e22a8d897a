package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.WireRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Request headers that describe the connection or the framing rather than the message. Each client
 * writes them itself (the JDK client even rejects them), so transports skip them in a {@link
 * WireRequest} instead of failing: both transports then put the same bytes on the wire.
 */
final class ManagedHeaders {

    private static final Set<String> NAMES =
            Set.of(
                    "connection",
                    "content-length",
                    "expect",
                    "host",
                    "upgrade",
                    "transfer-encoding",
                    "keep-alive");

    private ManagedHeaders() {}

    /** Returns true if the transport, not the caller, decides this header. */
    static boolean isManaged(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
