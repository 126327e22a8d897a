package dev.dualpath.conformance.runner;

/**
 * One path's client, built for one scenario (the base URL, timeouts and retries change per
 * scenario) and used for every call of that scenario's run. Either {@link BlockingClient} or {@link
 * FutureClient}, matching {@link PathUnderTest#kind()}.
 */
public sealed interface ClientUnderTest extends AutoCloseable permits BlockingClient, FutureClient {

    /** Releases the client's threads and connections. Must not throw; idempotent. */
    @Override
    void close();
}
