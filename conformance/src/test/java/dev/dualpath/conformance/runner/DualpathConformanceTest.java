package dev.dualpath.conformance.runner;

/**
 * The whole catalogue on dualpath's 20 paths ({JDK, Apache} × {invokeSync, invoke,
 * invoke@TRANSPORT_THREAD, DIRECT, LOOP_PER_CALL, SHARED_LOOP, SEED_LITERAL, CLIENT_PER_CALL,
 * invokeBatchSync, invokeBatch}); reports in {@code target/conformance/dualpath/}. The
 * known-failure list {@value ConformanceGate#KNOWN_FAILURES} is empty, so every cell must pass (or
 * be skipped for want of the path's handle: CANCEL on a blocking path, INTERRUPT on a future), and
 * no client may leave a thread or connection behind.
 */
class DualpathConformanceTest extends ConformanceSuite {

    @Override
    protected ConformancePlugin plugin() {
        return new DualpathPlugin();
    }

    @Override
    protected ExpectedDivergences divergences() {
        return ConformanceGate.knownFailures();
    }
}
