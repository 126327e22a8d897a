package dev.dualpath.conformance.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a scenario needs from the adapter (or the fake) beyond a plain call. A runner skips a
 * scenario whose capabilities its adapter lacks, and says which. The loader checks that each
 * scenario declares what its own content implies (e.g. {@code maxRetries > 0} needs {@link
 * #RETRIES}).
 */
public enum Capability {
    /**
     * The adapter retries ({@code client.maxRetries > 0}), with an injectable sleeper and jitter.
     */
    RETRIES("retries"),
    /** Cancelling the future of the async path aborts the exchange (action CANCEL). */
    CANCEL("cancel"),
    /** Interrupting a thread blocked in a sync call aborts it (action INTERRUPT). */
    INTERRUPT("interrupt"),
    /** The script is played by the fake's raw-socket server, not WireMock. */
    RAW_SOCKET("raw-socket"),
    /** The adapter bounds a slow or stalled body (a read timeout between body bytes). */
    BODY_TIMEOUT("body-timeout"),
    /**
     * The runner gives the retry policy the fixed clock in {@code client.clock} (HTTP-date
     * retry-after).
     */
    FIXED_CLOCK("fixed-clock"),
    /**
     * Several sequential calls on one client, reusing pooled connections ({@code run.calls > 1}).
     */
    KEEP_ALIVE("keep-alive"),
    /** Parallel calls on one client ({@code run.parallel}), possibly a mix of other scenarios. */
    CONCURRENCY("concurrency"),
    /** A response body of several MiB. */
    LARGE_BODY("large-body"),
    /**
     * A list of calls sent as one batch with a concurrency limit ({@code batch}): results in input
     * order, a batch deadline, cancelling the whole batch.
     */
    BATCH("batch"),
    /**
     * The call is streamed ({@code request.stream}): chunks are delivered as they arrive and
     * compared between paths one by one.
     */
    STREAMING("streaming");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in scenario files, e.g. {@code raw-socket}. */
    public String wireName() {
        return wireName;
    }

    /** The capability spelled {@code name} in a scenario file, if any. */
    public static Optional<Capability> fromWireName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.wireName.equals(n)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
