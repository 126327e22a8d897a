/**
 * The JMH benchmarks, one question per class, each with a Javadoc stating the question and the
 * command that runs it: in-memory overhead, the per-call wrapper's phases, loopback latency, the
 * executor environment, concurrency, the virtual-thread wrapper. {@code BenchPath} is the
 * {@code @Param} of paths (raw transport calls and the sync strategies) behind the small {@code
 * Target} facade; {@code CallCostProfiler}, {@code CallMeter}, {@code CallerThread} and {@code
 * StubMeter} add per-call secondary metrics (threads started, bytes allocated by the caller, the
 * stub's service time). How this machine affects the numbers is docs/calibration.md.
 *
 * <p>May depend on the adapter, {@code conformance.fake} and JMH; not on its own sub-packages (they
 * build on it), nor on the test kit (what is measured uses no test doubles, ArchitectureTest).
 */
package dev.dualpath.bench;
