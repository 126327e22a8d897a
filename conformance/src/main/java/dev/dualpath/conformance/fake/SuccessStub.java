package dev.dualpath.conformance.fake;

import java.net.URI;

/**
 * A fake provider as a benchmark uses it: every chat request gets one 200 body after an injected
 * latency, and the stub says what serving cost it. {@link FakeProvider} is one in the caller's own
 * JVM; {@link RemoteFakeProvider} drives one in a JVM of its own ({@link StubServer}), so that the
 * stub's threads, allocations, GC pauses and JIT stay out of the client's process.
 */
public interface SuccessStub extends AutoCloseable {

    /**
     * Replaces any stub with: every chat request gets 200 {@code body} (JSON) after {@code
     * latency}; {@code GET /v1/tcp_warming} keeps answering 200.
     *
     * @return the base URL a client should send requests to, no trailing slash
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if a stub in another process cannot be reached
     */
    URI stubSuccess(String body, Latency latency);

    /**
     * What serving has cost so far, cumulative (subtract two readings for a window).
     *
     * @throws IllegalStateException if a stub in another process cannot be reached
     */
    StubUsage usage();

    /**
     * Releases the stub: stops a stub this object started; leaves a shared one running for the next
     * user. Idempotent.
     */
    @Override
    void close();
}
