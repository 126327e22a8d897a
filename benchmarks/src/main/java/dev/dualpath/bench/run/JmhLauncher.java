package dev.dualpath.bench.run;

import dev.dualpath.bench.CallCostProfiler;
import dev.dualpath.bench.machine.DisturbanceProfiler;
import dev.dualpath.bench.stub.CpuPinning;
import dev.dualpath.bench.stub.OneCpuForks;
import dev.dualpath.bench.stub.StubForks;
import dev.dualpath.bench.stub.StubHost;
import dev.dualpath.bench.stub.StubMode;
import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a list of {@link Plan}s with real JMH forks, interleaved, and writes their results as one
 * {@code jmh.json} and the order the forks ran in as {@code rounds.json} ({@link ForkRounds}).
 *
 * <p>Each plan runs in rounds ({@link ForkSchedule}): one fork of each of its series per round, in
 * a random order, each fork its own single-fork JMH invocation; JMH's results for a series' forks
 * are then joined into one result of as many forks, by JMH's own aggregation ({@link RunResult}),
 * so {@code jmh.json} reads like a run of {@code -f N} with fork i measured in round i. Every
 * benchmark records {@code -prof gc} (bytes/op), {@link CallCostProfiler} (threads started,
 * caller-thread bytes, CPU time and context switches per call; {@code stub.service.norm}, the fake
 * provider's own service time per request, for benchmarks that use it) and {@link
 * DisturbanceProfiler} (what the machine did during each iteration), and a failing benchmark fails
 * the run. Forks with {@code stubMode=OUT_OF_PROCESS} are pointed at the run's {@link StubHost} and
 * pinned off its CPUs ({@link StubForks}).
 */
public final class JmhLauncher {

    private final PrintStream out;
    private final String forkJvm;
    private final StubHost stub;
    private final CpuPinning pinning;

    /**
     * @param out where progress goes
     * @param forkJvm the JVM binary for the forks, or null for the host's
     */
    public JmhLauncher(PrintStream out, String forkJvm) {
        this(out, forkJvm, null);
    }

    /**
     * @param out where progress goes
     * @param forkJvm the JVM binary for the forks, or null for the host's
     * @param stub the run's out-of-process stub, or null: then each out-of-process fork starts one
     *     of its own, unpinned
     */
    public JmhLauncher(PrintStream out, String forkJvm, StubHost stub) {
        this(out, forkJvm, stub, CpuPinning.none("not asked for"));
    }

    /**
     * @param out where progress goes
     * @param forkJvm the JVM binary for the forks, or null for the host's
     * @param stub the run's out-of-process stub, or null: then each out-of-process fork starts one
     *     of its own, unpinned
     * @param pinning the run's CPUs, for the forks of a {@link Plan#oneCpu()} plan
     */
    public JmhLauncher(PrintStream out, String forkJvm, StubHost stub, CpuPinning pinning) {
        this.out = out;
        this.forkJvm = forkJvm;
        this.stub = stub;
        this.pinning = java.util.Objects.requireNonNull(pinning, "pinning");
    }

    /**
     * Whether any of {@code plans} runs a benchmark with {@code stubMode=OUT_OF_PROCESS} (by its
     * overrides, or by the values the benchmark declares), i.e. whether the run needs a {@link
     * StubHost}.
     */
    public static boolean needsStubProcess(List<Plan> plans) {
        for (Plan plan : plans) {
            List<String> values = DeclaredBenchmarks.values(plan, StubMode.PARAM);
            if (values.contains(StubMode.OUT_OF_PROCESS.name())) {
                return true;
            }
        }
        return false;
    }

    /** Beside {@code jmh.json}: the plans a paused run has finished, for a look before the end. */
    public static final String PARTIAL_JSON = "jmh-partial.json";

    /**
     * What a call to {@link #run} did.
     *
     * @param forks every fork the plans hold
     * @param resumed forks a {@link ForkStore} already held, not measured again
     * @param measured forks measured by this call
     * @param plansDone the labels of the plans every fork of which is measured, in run order
     */
    public record Outcome(int forks, int resumed, int measured, List<String> plansDone) {

        /** Copies the list. */
        public Outcome {
            plansDone = List.copyOf(plansDone);
        }

        /** Whether every fork is measured and {@code jmh.json} written. */
        public boolean complete() {
            return resumed + measured == forks;
        }
    }

    /**
     * Runs the plans one after the other, every fork measured, and merges their JSON results into
     * one file.
     *
     * @param plans what to run, in order
     * @param jmhJson where the merged JSON goes
     * @param jmhLog where JMH's own verbose output goes
     * @throws RunnerException if a benchmark fails (its setup check, or an exception while
     *     measured)
     * @throws IOException if a result file cannot be read or written
     */
    public void run(List<Plan> plans, Path jmhJson, Path jmhLog)
            throws RunnerException, IOException {
        run(plans, jmhJson, jmhLog, null, ForkBudget.UNLIMITED);
    }

    /**
     * Runs the plans one after the other, keeping each finished fork in {@code store}, until every
     * fork is measured or the budget does not allow the next round; then, if complete, merges the
     * results into one {@code jmh.json}; if paused, the plans finished so far into {@value
     * #PARTIAL_JSON} beside it (none finished: no file).
     *
     * <p>The schedule ({@code rounds.json}, beside {@code jmhJson}) is written before the first
     * fork. When it exists already, the run resumes: the schedule is drawn again from its seed and
     * must be the one recorded (else the plans changed, and mixing the two would be wrong), and
     * every fork the store holds is taken from it. The budget is checked before each round, for the
     * whole round, so a round's forks, which the report pairs, run in one stretch; a process killed
     * mid-round leaves that round's finished forks stored, and it resumes from the next one.
     *
     * @param plans what to run, in order
     * @param jmhJson where the merged JSON goes
     * @param jmhLog where JMH's own verbose output goes (appended to)
     * @param store the run's finished forks, or null to keep none
     * @param budget when to stop starting rounds
     * @return how many forks were taken from the store and measured
     * @throws RunnerException if a benchmark fails (its setup check, or an exception while
     *     measured): a {@link FailedRun}, with what was measured before it
     * @throws IOException if a result file cannot be read or written
     * @throws IllegalStateException if the recorded schedule is not the one these plans give, or a
     *     stored fork cannot be read
     */
    public Outcome run(
            List<Plan> plans, Path jmhJson, Path jmhLog, ForkStore store, ForkBudget budget)
            throws RunnerException, IOException {
        Path roundsFile = jmhJson.resolveSibling(RunFolder.ROUNDS_JSON);
        List<ForkSchedule> schedules = RunForks.schedules(plans, roundsFile);
        List<RunForks.Fork> forks = RunForks.forks(schedules, store);
        List<RunForks.Fork> remaining = forks.stream().filter(f -> f.stored() == null).toList();
        int resumed = forks.size() - remaining.size();
        ProgressFormat.Estimate whole = estimate(plans);
        ProgressFormat.Estimate estimate = estimate(remaining, whole.benchmarks());
        if (remaining.size() < forks.size()) {
            out.printf(
                    "%d benchmarks, %d forks: %d measured before, %d to go, estimated %s%n",
                    whole.benchmarks(),
                    forks.size(),
                    resumed,
                    remaining.size(),
                    ProgressFormat.format(estimate.total()));
        } else {
            out.printf(
                    "%d benchmarks, %d forks interleaved in rounds, estimated %s%n",
                    whole.benchmarks(), forks.size(), ProgressFormat.format(estimate.total()));
        }
        int measured = 0;
        Map<ForkSchedule.Series, List<BenchmarkResult>> results = new LinkedHashMap<>();
        Map<ForkSchedule.Series, BenchmarkParams> params = new LinkedHashMap<>();
        try (OutputStream logStream =
                        Files.newOutputStream(
                                jmhLog, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                PrintStream logPrint = new PrintStream(logStream, true, StandardCharsets.UTF_8)) {
            ProgressFormat format =
                    new ProgressFormat(
                            OutputFormatFactory.createFormatInstance(logPrint, VerboseMode.NORMAL),
                            out,
                            estimate);
            for (List<RunForks.Fork> round : RunForks.byRound(forks)) {
                Duration toGo =
                        round.stream()
                                .filter(f -> f.stored() == null)
                                .map(RunForks.Fork::planned)
                                .reduce(Duration.ZERO, Duration::plus);
                if (!toGo.isZero() && !budget.allows(toGo)) {
                    // Forks run plan after plan, so every plan before this one is finished.
                    List<ForkSchedule> done = schedules.subList(0, round.get(0).key().plan());
                    if (!done.isEmpty()) {
                        write(
                                JoinedResults.join(done, results, params),
                                jmhJson.resolveSibling(PARTIAL_JSON));
                    }
                    return new Outcome(forks.size(), resumed, measured, labels(done));
                }
                for (RunForks.Fork fork : round) {
                    RunResult one = fork.stored();
                    if (one == null) {
                        try {
                            one = measure(fork, format);
                        } catch (RunnerException e) {
                            throw new FailedRun(
                                    new Outcome(forks.size(), resumed, measured, List.of()), e);
                        }
                        if (store != null) {
                            store.save(fork.key(), fork.name(), one);
                        }
                        measured++;
                    }
                    params.putIfAbsent(fork.series(), one.getParams());
                    results.computeIfAbsent(fork.series(), s -> new ArrayList<>())
                            .addAll(one.getBenchmarkResults());
                }
            }
        }
        Files.deleteIfExists(jmhJson.resolveSibling(PARTIAL_JSON));
        write(JoinedResults.join(schedules, results, params), jmhJson);
        return new Outcome(forks.size(), resumed, measured, labels(schedules));
    }

    private static void write(List<RunResult> results, Path file) {
        ResultFormatFactory.getInstance(ResultFormatType.JSON, file.toString()).writeOut(results);
    }

    private static List<String> labels(List<ForkSchedule> schedules) {
        return schedules.stream().map(s -> s.plan().label()).toList();
    }

    /** Runs one fork as its own single-fork JMH invocation. */
    private RunResult measure(RunForks.Fork fork, ProgressFormat format) throws RunnerException {
        format.expectNextFork(fork.planned());
        Collection<RunResult> one = new Runner(options(fork.plan(), fork.series()), format).run();
        if (one.size() != 1) {
            throw new RunnerException(
                    "one fork of " + fork.name() + " gave " + one.size() + " results, expected 1");
        }
        return one.iterator().next();
    }

    /** The forks' count and planned time, for the ETA. */
    private static ProgressFormat.Estimate estimate(List<RunForks.Fork> forks, int benchmarks) {
        Duration total =
                forks.stream().map(RunForks.Fork::planned).reduce(Duration.ZERO, Duration::plus);
        return new ProgressFormat.Estimate(benchmarks, forks.size(), total);
    }

    /** One fork of {@code series}, with the plan's settings. */
    private org.openjdk.jmh.runner.options.Options options(Plan plan, ForkSchedule.Series series) {
        ChainedOptionsBuilder b =
                new OptionsBuilder()
                        .include(series.include())
                        .mode(series.entry().getMode())
                        .forks(1)
                        .warmupIterations(
                                plan.warmupIterations(series.benchmark(), series.params()))
                        .warmupTime(time(plan.warmupTime()))
                        .measurementIterations(plan.measurementIterations())
                        .measurementTime(time(plan.measurementTime()))
                        // First, so that its probe (threads started, bytes allocated) runs
                        // before the others open their windows and after they close them: JMH
                        // calls afterIteration in the reverse order.
                        .addProfiler(DisturbanceProfiler.class)
                        .addProfiler(GCProfiler.class)
                        .addProfiler(CallCostProfiler.class)
                        .shouldFailOnError(true);
        series.params().forEach((name, value) -> b.param(name, value));
        if (plan.threads() > 0) {
            b.threads(plan.threads());
        }
        if (!plan.jvmArgs().isEmpty()) {
            b.jvmArgsAppend(plan.jvmArgs().toArray(String[]::new));
        }
        if (forkJvm != null) {
            b.jvm(forkJvm);
        }
        if (stub != null) {
            b.addProfiler(StubForks.class, stub.profilerInitLine());
        }
        if (plan.oneCpu()) {
            b.addProfiler(
                    OneCpuForks.class,
                    OneCpuForks.initLine(pinning.oneForkCpu(), pinning.allCpus()));
        }
        return b.build();
    }

    private static TimeValue time(Duration d) {
        return new TimeValue(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts benchmark × parameter combinations and forks the plans will run. */
    static ProgressFormat.Estimate estimate(List<Plan> plans) {
        int count = 0;
        int forks = 0;
        Duration total = Duration.ZERO;
        for (Plan plan : plans) {
            List<ForkSchedule.Series> series = ForkSchedule.series(plan);
            count += series.size();
            forks += series.size() * plan.forks();
            for (ForkSchedule.Series one : series) {
                total =
                        total.plus(
                                one.forkTime(plan)
                                        .plus(ForkStartup.of(one))
                                        .multipliedBy(plan.forks()));
            }
        }
        return new ProgressFormat.Estimate(count, forks, total);
    }
}
