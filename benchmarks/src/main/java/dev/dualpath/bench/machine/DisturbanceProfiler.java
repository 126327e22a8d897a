package dev.dualpath.bench.machine;

import dev.dualpath.bench.verdict.machine.MachineConditions;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * A JMH profiler that records, per iteration of every fork, what the machine was doing: other
 * processes' CPU use ({@value #FOREIGN}, CPUs), hypervisor steal ({@value #STEAL}), the one-minute
 * load average ({@value #LOAD}), this fork's CPU time per wall second ({@value #OWN}, CPUs), and a
 * fixed calibration loop timed before and after the iteration ({@value #CALIBRATION}, µs, the
 * slower of the two). Their units say nothing about which way is better, so no gate ever judges
 * them as metrics; {@code dev.dualpath.bench.verdict.machine.DisturbanceRule} reads them to flag
 * forks measured on a disturbed machine.
 *
 * <p>The calibration loop runs outside the iteration (~10 ms before and after each), so the
 * measured time does not include it; {@code dualpath run} lists this profiler before the ones that
 * count threads started and bytes allocated, so that its work falls outside their windows too (JMH
 * calls {@code beforeIteration} in the order the profilers were added and {@code afterIteration} in
 * the reverse order). It probes nothing but arithmetic and {@code /proc}: a probe that ran the
 * benchmark's own kind of work (a thread-start probe was tried) changes the JIT's profile of the
 * code it shares with the benchmark, and the first measured iteration then recompiles it.
 *
 * <p>Use: {@code java -jar benchmarks/target/benchmarks.jar InMemoryOverheadBenchmark -prof
 * dev.dualpath.bench.machine.DisturbanceProfiler}; {@code dualpath run} adds it to every plan.
 */
public final class DisturbanceProfiler implements InternalProfiler {

    /** Other processes' CPU use during the iteration, CPUs. */
    public static final String FOREIGN = RunDisturbance.FOREIGN;

    /** Share of CPU time stolen by the hypervisor during the iteration. */
    public static final String STEAL = RunDisturbance.STEAL;

    /** One-minute load average at the iteration's end. */
    public static final String LOAD = RunDisturbance.LOAD;

    /** This fork's CPU time per second of the iteration's wall time, CPUs. */
    public static final String OWN = RunDisturbance.OWN;

    /** The calibration loop's time around the iteration, µs (the slower of before and after). */
    public static final String CALIBRATION = RunDisturbance.CALIBRATION;

    private ProcSample before;
    private double calibrationBefore;
    private boolean warmed;
    private boolean measured;

    @Override
    public String getDescription() {
        return "what the machine did during each iteration: other processes' CPU, steal, load,"
                + " own CPU share, a calibration loop (dualpath)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // The loop is compiled before the first warm-up iteration: compiled at the first measured
        // one, its JIT work would run on the fork's CPU while that iteration is measured.
        if (!warmed) {
            CalibrationLoop.warm();
            warmed = true;
        }
        // /proc is read around every iteration, warm-up included: its file reading runs through
        // JDK I/O code the benchmark's client shares, and first read at the first measured
        // iteration it made the JIT recompile the client there (286-471 ms of a 500 ms iteration
        // on loopback). The calibration loop shares no code with anything; JMH keeps only the
        // measured iterations' secondaries, so it is timed around those alone (about 20 ms each).
        measured = iterationParams.getType() == IterationType.MEASUREMENT;
        if (measured) {
            calibrationBefore = CalibrationLoop.bestMicros();
        }
        before = ProcSample.now();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams,
            IterationParams iterationParams,
            IterationResult result) {
        ProcSample after = ProcSample.now();
        if (!measured) {
            return List.of();
        }
        double calibration = Math.max(calibrationBefore, CalibrationLoop.bestMicros());
        MachineConditions c =
                after.since(before, after.ownSeconds() - before.ownSeconds(), calibration);
        return List.of(
                scalar(FOREIGN, c.foreignCpus(), "cpus"),
                scalar(STEAL, c.stealShare(), "share"),
                scalar(LOAD, c.loadAverage(), "load"),
                scalar(OWN, c.ownCpuShare(), "cpus"),
                scalar(CALIBRATION, c.calibrationMicros(), "us"));
    }

    private static ScalarResult scalar(String name, double value, String unit) {
        // JMH cannot write NaN into its JSON as a number; -1 marks "not recorded".
        return new ScalarResult(
                name, Double.isFinite(value) ? value : -1, unit, AggregationPolicy.AVG);
    }
}
