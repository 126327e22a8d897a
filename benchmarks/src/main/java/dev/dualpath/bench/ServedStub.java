package dev.dualpath.bench;

import dev.dualpath.bench.stub.StubMode;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.Latency;
import dev.dualpath.conformance.fake.SuccessStub;
import java.net.URI;
import java.time.Duration;

/**
 * The fake provider as a loopback benchmark's trial uses it: opened where {@code stubMode} says,
 * answering every chat request with a {@link CannedBodies#ofBytes} body after a fixed delay, and
 * watched by {@link StubMeter} so that each result carries the stub's own figures.
 */
public final class ServedStub implements AutoCloseable {

    private final SuccessStub stub;
    private final String body;
    private final URI baseUrl;

    private ServedStub(SuccessStub stub, String body, URI baseUrl) {
        this.stub = stub;
        this.body = body;
        this.baseUrl = baseUrl;
    }

    /**
     * Opens a stub in {@code mode} answering every chat request with a body of {@code bodyBytes}
     * after {@code delay}, and watches it for the stub's own figures.
     *
     * @param mode where the stub runs
     * @param bodyBytes the size of the body it answers
     * @param delay the injected delay before the response headers (millisecond resolution)
     * @throws IllegalArgumentException if {@code bodyBytes} is below the canned body's size
     * @throws IllegalStateException if an out-of-process stub cannot be started or reached
     */
    public static ServedStub open(StubMode mode, int bodyBytes, Duration delay) {
        String body = CannedBodies.ofBytes(bodyBytes);
        SuccessStub stub = mode.open();
        try {
            URI base = stub.stubSuccess(body, new Latency.Fixed(delay));
            StubMeter.watch(stub); // stub.service.norm and friends: the stub's own figures
            return new ServedStub(stub, body, base);
        } catch (RuntimeException e) {
            stub.close();
            throw e;
        }
    }

    /**
     * From now on, answers with the same body after {@code delay} instead: a trial can warm its
     * client up against a stub that answers at once, then measure at the delay it asked for.
     *
     * @param delay the new delay before the response headers (millisecond resolution)
     * @throws IllegalStateException if an out-of-process stub cannot be reached
     */
    public void answerAfter(Duration delay) {
        stub.stubSuccess(body, new Latency.Fixed(delay));
    }

    /** Where clients send requests. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Releases the stub (stops it if this trial started it). */
    @Override
    public void close() {
        stub.close();
    }
}
