package dev.dualpath.bench;

/**
 * The points a call passes on the async path, in order, each stamped by the thread that reaches it;
 * the time between one stamped point and the next is the hop named after the later one. A path
 * stamps the points it has: the raw async transport has no continuation, only the per-call loop has
 * {@link #CREATED}, {@link #LOOP_STARTED} and {@link #CLOSED}.
 */
public enum HandOff {
    /** The caller starts the call. */
    START(""),
    /** {@code PerCallLoop.open()} returned: the executor exists, its thread not yet started. */
    CREATED("create"),
    /** The loop's first task runs on its new thread. */
    LOOP_STARTED("threadStart"),
    /** {@code invoke()} (or the raw {@code executeAsync()}) returned: encoded and handed over. */
    SUBMITTED("submit"),
    /**
     * The transport's future completed, stamped on the transport's own thread before any dependent
     * of the call runs: the exchange (network, stub, reading the response) is over.
     */
    EXCHANGED("exchange"),
    /** The continuation task starts on the continuation executor's thread. */
    CONTINUED("dispatch"),
    /** The continuation task ends: the response is parsed and the caller's future completed. */
    CONTINUATION_DONE("continuation"),
    /** The caller is back from {@code join()}: woken and running again. */
    RETURNED("wake"),
    /** {@code PerCallLoop.close()} returned: the loop's thread has ended. */
    CLOSED("close");

    /** Prefix of the secondary metrics, e.g. {@code hop.dispatch}. */
    public static final String METRIC_PREFIX = "hop.";

    /** Prefix of the metrics of how often a hop occurred, e.g. {@code hopShare.dispatch}. */
    public static final String SHARE_PREFIX = "hopShare.";

    private final String hop;

    HandOff(String hop) {
        this.hop = hop;
    }

    /**
     * The secondary metric of the hop that ends here, e.g. {@code hop.dispatch}; START has none.
     */
    public String metric() {
        return METRIC_PREFIX + hop;
    }

    /**
     * The secondary metric of the fraction of calls that made this hop, e.g. {@code
     * hopShare.dispatch}, reported only when some calls made it and others did not.
     */
    public String shareMetric() {
        return SHARE_PREFIX + hop;
    }
}
