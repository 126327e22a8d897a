package dev.dualpath.adapter.transport;

/**
 * A pooled HTTP client offering both deliveries of the same exchange. Built once, reused for every
 * call, closed once: closing releases its threads and connections.
 */
public interface Transport extends BlockingTransport, AsyncTransport, AutoCloseable {

    /** A short name for reports, e.g. {@code jdk} or {@code apache}. */
    String name();

    /** Releases threads and pooled connections; calls after this fail. Idempotent. */
    @Override
    void close();
}
