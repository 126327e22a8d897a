package dev.dualpath.bench;

import dev.dualpath.bench.verdict.machine.RunDisturbance;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports, per call counted by {@link CallMeter}:
 *
 * <ul>
 *   <li>{@code threads.started.norm}: threads the JVM started (all threads: the client's, the
 *       strategy's, an in-process stub's), from {@code ThreadMXBean.getTotalStartedThreadCount()};
 *       a strategy that starts a thread per call shows ~1;
 *   <li>{@code caller.alloc.norm}: bytes allocated on the calling threads ({@link CallerThread});
 *   <li>{@code caller.cpu.norm}: CPU time of the calling threads, ns;
 *   <li>{@code caller.csw.norm}: voluntary context switches of the calling threads (Linux).
 * </ul>
 *
 * All are measured over the same window (from before an iteration's threads start to after they all
 * stop) and averaged over iterations. A benchmark that counts no calls is taken to make one call
 * per operation; the caller metrics need {@link CallerThread} among its arguments.
 *
 * <p>Over the same window, for every benchmark:
 *
 * <ul>
 *   <li>{@code fork.cpu.util}: how many CPUs the benchmark's JVM kept busy (its process CPU time
 *       over the wall time; 1.0 is one CPU saturated), JIT and GC included;
 *   <li>{@code fork.jit.ms}: milliseconds its JIT compilers spent in the iteration: more than a few
 *       in a measured iteration means the code was still being compiled, so the warm-up was too
 *       short for it.
 * </ul>
 *
 * <p>And {@code fork.cpus}: how many CPUs the benchmark's JVM saw (1 for a fork pinned to one).
 *
 * <p>Per request the stub served, for a benchmark that registered its stub ({@link StubMeter}):
 *
 * <ul>
 *   <li>{@code stub.service.norm}: the stub's own service time in µs, the injected delay excluded
 *       ({@link dev.dualpath.conformance.fake.ServiceTime}). The client's own cost is then about
 *       the call's time − the injected delay − this;
 *   <li>{@code stub.residence.norm}: how long the stub held a request in µs, from its headers
 *       parsed to its last byte sent, the injected delay as served included: the call's time − this
 *       is what the client and the wire took;
 *   <li>{@code stub.cpu.norm} and {@code stub.cpu.util}, for a stub in a process of its own: its
 *       CPU time per request in µs, and how many CPUs it kept busy.
 * </ul>
 *
 * <p>And per call that recorded them ({@link HopMeter}, {@link AsyncHopsBenchmark}), {@code hop.*}:
 * the mean µs per call of each hand-off on the async path, a call that skipped a hop counting 0, so
 * the hops add up to the call; and {@code hopShare.*}: for a hop only some calls made (a branch),
 * the fraction that made it.
 *
 * <p>For {@link PairedFloorBenchmark} ({@link PairMeter}), {@code pair.*}: the median µs of the
 * path and of the floor it stands on, measured alternately in the same iteration, and their ratio.
 *
 * <p>Use: {@code java -jar benchmarks/target/benchmarks.jar ConcurrencyBenchmark -prof
 * dev.dualpath.bench.CallCostProfiler}; {@code dualpath run} adds it to every plan.
 */
public final class CallCostProfiler implements InternalProfiler {

    /** The secondary metric with the stub's service time per request, µs. */
    public static final String STUB_SERVICE = "stub.service.norm";

    /** How long the stub held a request, µs, the injected delay as served included. */
    public static final String STUB_RESIDENCE = "stub.residence.norm";

    /** The stub process's CPU time per request, µs (stub out of process only). */
    public static final String STUB_CPU = "stub.cpu.norm";

    /** CPUs the stub's process kept busy (stub out of process only). */
    public static final String STUB_CPU_UTIL = RunDisturbance.STUB_CPU;

    /** CPUs the benchmark's own JVM kept busy. */
    public static final String FORK_CPU_UTIL = "fork.cpu.util";

    /** CPUs the benchmark's JVM saw ({@link Runtime#availableProcessors()}): 1 when pinned. */
    public static final String FORK_CPUS = "fork.cpus";

    /** Milliseconds the benchmark JVM's JIT compilers spent in the iteration. */
    public static final String FORK_JIT = "fork.jit.ms";

    private static final java.lang.management.CompilationMXBean JIT =
            ManagementFactory.getCompilationMXBean();

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CallMeter.Snapshot before;
    private StubMeter.Reading stubBefore;
    private HopMeter.Snapshot hopsBefore;
    private long cpuBefore;
    private long wallBefore;
    private long jitBefore;

    @Override
    public String getDescription() {
        return "threads started and calling-thread bytes allocated per call (dualpath CallMeter),"
                + " stub service and CPU time per request (StubMeter), the fork's CPU use, the"
                + " async path's hops (HopMeter)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = CallMeter.now();
        stubBefore = StubMeter.now();
        hopsBefore = HopMeter.now();
        PairMeter.reset();
        cpuBefore = OS.getProcessCpuTime();
        jitBefore = jitMillis();
        wallBefore = System.nanoTime();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams,
            IterationParams iterationParams,
            IterationResult result) {
        long wall = System.nanoTime() - wallBefore;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        List<Result> results = new ArrayList<>();
        // JMH always passes a result; the unit tests drive the profiler without one (0: no ops).
        long ops =
                result == null || result.getMetadata() == null
                        ? 0
                        : result.getMetadata().getAllOps();
        CallMeter.now()
                .since(before, ops)
                .ifPresent(
                        per -> {
                            results.add(
                                    scalar(
                                            "threads.started.norm",
                                            per.threadsStarted(),
                                            "threads/call"));
                            // No bytes at all means no CallerThread recorded any (every real
                            // call allocates): say nothing rather than a false 0 B/call, 0 ns.
                            if (per.callerBytes() > 0) {
                                results.add(
                                        scalar("caller.alloc.norm", per.callerBytes(), "B/call"));
                                results.add(
                                        scalar("caller.cpu.norm", per.callerCpuNanos(), "ns/call"));
                                results.add(
                                        scalar(
                                                "caller.csw.norm",
                                                per.callerSwitches(),
                                                "switches/call"));
                            }
                        });
        if (wall > 0 && cpu >= 0 && cpuBefore >= 0) {
            results.add(scalar(FORK_CPU_UTIL, (double) cpu / wall, "CPUs"));
        }
        results.add(scalar(FORK_CPUS, Runtime.getRuntime().availableProcessors(), "CPUs"));
        if (jitBefore >= 0) {
            results.add(scalar(FORK_JIT, (double) (jitMillis() - jitBefore), "ms"));
        }
        StubMeter.Reading stubAfter = StubMeter.now();
        StubMeter.microsPerRequest(stubBefore, stubAfter)
                .ifPresent(us -> results.add(scalar(STUB_SERVICE, us, "us/call")));
        StubMeter.residenceMicrosPerRequest(stubBefore, stubAfter)
                .ifPresent(us -> results.add(scalar(STUB_RESIDENCE, us, "us/call")));
        StubMeter.cpuMicrosPerRequest(stubBefore, stubAfter)
                .ifPresent(us -> results.add(scalar(STUB_CPU, us, "us/call")));
        StubMeter.cpuUtilisation(stubBefore, stubAfter)
                .ifPresent(cpus -> results.add(scalar(STUB_CPU_UTIL, cpus, "CPUs")));
        HopMeter.Snapshot hopsAfter = HopMeter.now();
        for (Map.Entry<String, Double> hop : hopsAfter.perCallMicrosSince(hopsBefore).entrySet()) {
            results.add(scalar(hop.getKey(), hop.getValue(), "us/call"));
        }
        for (Map.Entry<String, Double> share : hopsAfter.sharesSince(hopsBefore).entrySet()) {
            results.add(scalar(share.getKey(), share.getValue(), "share"));
        }
        PairMeter.take()
                .ifPresent(
                        m -> {
                            results.add(scalar(PairMeter.PATH_P50, m.pathMicros(), "us"));
                            results.add(scalar(PairMeter.FLOOR_P50, m.floorMicros(), "us"));
                            results.add(scalar(PairMeter.RATIO_P50, m.ratio(), "ratio"));
                        });
        return results;
    }

    /** The JIT's total compilation time so far, ms; -1 where the JVM does not measure it. */
    private static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported()
                ? JIT.getTotalCompilationTime()
                : -1;
    }

    private static ScalarResult scalar(String label, double value, String unit) {
        return new ScalarResult(label, value, unit, AggregationPolicy.AVG);
    }
}
