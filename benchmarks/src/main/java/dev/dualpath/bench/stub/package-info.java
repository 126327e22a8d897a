/**
 * Where the fake provider runs while the benchmarks measure a client: in the benchmark's own JVM
 * ({@link dev.dualpath.bench.stub.StubMode#IN_PROCESS}) or in a JVM of its own ({@link
 * dev.dualpath.bench.stub.StubMode#OUT_OF_PROCESS}), which {@link dev.dualpath.bench.stub.StubHost}
 * starts once per run, pinned by {@link dev.dualpath.bench.stub.CpuPinning} to CPUs of its own
 * while {@link dev.dualpath.bench.stub.PinnedForks} pins the benchmark forks to the others.
 *
 * <p>Depends on the conformance suite's fake provider and on JMH's profiler interface; imports
 * nothing of the other {@code dev.dualpath.bench} packages, which all use it.
 */
package dev.dualpath.bench.stub;
