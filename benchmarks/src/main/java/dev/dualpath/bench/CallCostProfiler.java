package dev.dualpath.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 *       strategy's, the in-process stub's), from {@code ThreadMXBean.getTotalStartedThreadCount()};
 *       a strategy that starts a thread per call shows ~1;
 *   <li>{@code caller.alloc.norm}: bytes allocated on the calling threads ({@link CallerThread});
 *       only for a benchmark that uses it.
 * </ul>
 *
 * Both are measured over the same window (from before an iteration's threads start to after they
 * all stop) and averaged over iterations. A benchmark that counts no calls gets neither.
 *
 * <p>And, over the same window, per request the in-process stub served:
 *
 * <ul>
 *   <li>{@code stub.service.norm}: the stub's own service time in µs, the injected delay excluded
 *       ({@link StubMeter}, {@link dev.dualpath.conformance.fake.ServiceTime}), for a benchmark
 *       that registered its stub. The client's own cost is then about the call's time − the
 *       injected delay − this.
 * </ul>
 *
 * <p>Use: {@code java -jar benchmarks/target/benchmarks.jar ConcurrencyBenchmark -prof
 * dev.dualpath.bench.CallCostProfiler}; {@code dualpath run} adds it to every plan.
 */
public final class CallCostProfiler implements InternalProfiler {

    /** The secondary metric with the stub's service time per request, µs. */
    public static final String STUB_SERVICE = "stub.service.norm";

    private CallMeter.Snapshot before;
    private StubMeter.Reading stubBefore;

    @Override
    public String getDescription() {
        return "threads started and calling-thread bytes allocated per call (dualpath CallMeter),"
                + " stub service time per request (StubMeter)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = CallMeter.now();
        stubBefore = StubMeter.now();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams,
            IterationParams iterationParams,
            IterationResult result) {
        List<Result> results = new ArrayList<>();
        CallMeter.now()
                .since(before)
                .ifPresent(
                        per -> {
                            results.add(
                                    new ScalarResult(
                                            "threads.started.norm",
                                            per.threadsStarted(),
                                            "threads/call",
                                            AggregationPolicy.AVG));
                            // No bytes at all means no CallerThread recorded any (every real
                            // call allocates): say nothing rather than a false 0 B/call.
                            if (per.callerBytes() > 0) {
                                results.add(
                                        new ScalarResult(
                                                "caller.alloc.norm",
                                                per.callerBytes(),
                                                "B/call",
                                                AggregationPolicy.AVG));
                            }
                        });
        StubMeter.microsPerRequest(stubBefore, StubMeter.now())
                .ifPresent(
                        us ->
                                results.add(
                                        new ScalarResult(
                                                STUB_SERVICE,
                                                us,
                                                "us/call",
                                                AggregationPolicy.AVG)));
        return results;
    }
}
