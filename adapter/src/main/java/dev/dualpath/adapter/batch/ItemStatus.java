package dev.dualpath.adapter.batch;

/** What one item of a batch came to. */
public enum ItemStatus {
    /** Its call returned a response. */
    SUCCEEDED,
    /** Its call failed on its own (an HTTP error, a timeout of the call, a malformed body, …). */
    FAILED,
    /** The batch was cancelled before the call finished, or before it started. */
    CANCELLED,
    /** The batch's deadline passed before the call finished, or before it started. */
    DEADLINE_EXCEEDED
}
