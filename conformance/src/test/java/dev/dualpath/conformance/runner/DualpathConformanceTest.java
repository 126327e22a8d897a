package dev.dualpath.conformance.runner;

/**
 * The whole catalogue on dualpath's 18 paths ({JDK, Apache} × {invokeSync, invoke, DIRECT,
 * LOOP_PER_CALL, SHARED_LOOP, SEED_LITERAL, CLIENT_PER_CALL, invokeBatchSync, invokeBatch});
 * reports in {@code target/conformance/dualpath/}. Only the known failures in {@value
 * ConformanceGate#KNOWN_FAILURES} may mismatch.
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

    /**
     * Known bug (JDK 17 only): interrupting a blocking {@code JdkHttpTransport.execute} while the
     * body is stalled (scenario {@code interrupt-during-body}) leaves the exchange pending inside
     * the {@code HttpClient}, so its selector thread never ends — reproduced on most runs, on one
     * of the six JDK blocking paths (invokeBatchSync's worker threads call {@code execute} too). At
     * most one thread per JDK blocking path of that scenario.
     */
    @Override
    protected KnownLeak knownLeak() {
        return new KnownLeak(
                t -> t.getName().matches("HttpClient-\\d+-SelectorManager"),
                6,
                "JDK 17 HttpClient selector left running after interrupt-during-body on a JDK"
                        + " blocking path");
    }
}
