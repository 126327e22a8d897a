package dev.dualpath.adapter.error;

/** Which part of an exchange ran out of time. */
public enum TimeoutPhase {
    /** Establishing the TCP connection. */
    CONNECT,
    /** Waiting for the response status line and headers. */
    HEADERS,
    /** Reading the response body (a stall between bytes, or the whole body too slow). */
    BODY,
    /** The whole call, all attempts included, exceeded its deadline. */
    TOTAL
}
