package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.stub.StubMode;
import java.time.Duration;

/**
 * What a loopback benchmark's trial holds: the fake provider serving a body of {@code bodyBytes}
 * after a delay, and the clients over it (the adapter on its own continuation pool, the raw
 * transports), closed together, the clients first.
 *
 * @param stub the served stub
 * @param target the clients over it
 */
record LoopbackFixture(ServedStub stub, Target target) implements AutoCloseable {

    /**
     * Starts (or joins) the stub and builds the clients over it.
     *
     * @throws RuntimeException what the stub or the clients throw; the stub is closed first
     */
    static LoopbackFixture open(
            StubMode stubMode, int bodyBytes, Duration delay, TransportKind transport) {
        ServedStub stub = ServedStub.open(stubMode, bodyBytes, delay);
        try {
            return new LoopbackFixture(
                    stub,
                    Target.over(
                            stub.baseUrl(),
                            transport.factory(TransportConfig.DEFAULTS),
                            ContinuationExecutor.OWNED_POOL,
                            bodyBytes));
        } catch (RuntimeException e) {
            stub.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            stub.close();
        }
    }
}
