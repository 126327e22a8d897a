package dev.dualpath.bench.run;

import dev.dualpath.bench.CallCostProfiler;
import dev.dualpath.bench.machine.DisturbanceProfiler;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.format.OutputFormat;
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

    /**
     * JVM and fixture start-up per fork, for the ETA only (WireMock alone takes about 1 s,
     * docs/calibration.md#wiremock-start-up).
     */
    private static final Duration FORK_STARTUP = Duration.ofMillis(2500);

    private final PrintStream out;
    private final String forkJvm;
    private final StubHost stub;

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
        this.out = out;
        this.forkJvm = forkJvm;
        this.stub = stub;
    }

    /**
     * Whether any of {@code plans} runs a benchmark with {@code stubMode=OUT_OF_PROCESS} (by its
     * overrides, or by the values the benchmark declares), i.e. whether the run needs a {@link
     * StubHost}.
     */
    public static boolean needsStubProcess(List<Plan> plans) {
        for (Plan plan : plans) {
            List<String> values = values(plan, StubMode.PARAM);
            if (values.contains(StubMode.OUT_OF_PROCESS.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the plans one after the other and merges their JSON results into one file.
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
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        List<ForkSchedule> schedules = new ArrayList<>();
        for (Plan plan : plans) {
            schedules.add(ForkSchedule.draw(plan, random));
        }
        ProgressFormat.Estimate estimate = estimate(plans);
        out.printf(
                "%d benchmarks, %d forks interleaved in rounds, estimated %s%n",
                estimate.benchmarks(), estimate.forks(), ProgressFormat.format(estimate.total()));
        List<RunResult> results = new ArrayList<>();
        try (OutputStream logStream = Files.newOutputStream(jmhLog);
                PrintStream logPrint = new PrintStream(logStream, true, StandardCharsets.UTF_8)) {
            ProgressFormat format =
                    new ProgressFormat(
                            OutputFormatFactory.createFormatInstance(logPrint, VerboseMode.NORMAL),
                            out,
                            estimate);
            for (ForkSchedule schedule : schedules) {
                results.addAll(runRounds(schedule, format));
            }
        }
        ResultFormatFactory.getInstance(ResultFormatType.JSON, jmhJson.toString())
                .writeOut(results);
        List<ForkRounds.Plan> rounds = new ArrayList<>();
        for (ForkSchedule schedule : schedules) {
            rounds.add(
                    new ForkRounds.Plan(
                            schedule.plan().label(),
                            schedule.rounds().stream()
                                    .map(r -> r.stream().map(ForkSchedule.Series::id).toList())
                                    .toList()));
        }
        new ForkRounds(seed, rounds).write(jmhJson.resolveSibling(RunFolder.ROUNDS_JSON));
    }

    /**
     * Runs a schedule's rounds, one single-fork JMH invocation per series per round, and joins each
     * series' forks, in round order, into one result.
     */
    private List<RunResult> runRounds(ForkSchedule schedule, ProgressFormat format)
            throws RunnerException {
        Map<ForkSchedule.Series, List<BenchmarkResult>> forks = new LinkedHashMap<>();
        Map<ForkSchedule.Series, BenchmarkParams> params = new LinkedHashMap<>();
        for (List<ForkSchedule.Series> round : schedule.rounds()) {
            for (ForkSchedule.Series series : round) {
                format.expectNextFork(series.forkTime(schedule.plan()).plus(FORK_STARTUP));
                Collection<RunResult> one =
                        new Runner(options(schedule.plan(), series), format).run();
                if (one.size() != 1) {
                    throw new RunnerException(
                            "one fork of "
                                    + series.id().display()
                                    + " gave "
                                    + one.size()
                                    + " results, expected 1");
                }
                RunResult result = one.iterator().next();
                params.putIfAbsent(series, result.getParams());
                forks.computeIfAbsent(series, s -> new ArrayList<>())
                        .addAll(result.getBenchmarkResults());
            }
        }
        List<RunResult> joined = new ArrayList<>();
        for (ForkSchedule.Series series : schedule.series()) {
            List<BenchmarkResult> all = forks.get(series);
            if (all != null) {
                joined.add(new RunResult(withForks(params.get(series), all.size()), all));
            }
        }
        return joined;
    }

    /** {@code p} as if JMH had run {@code forks} forks of it. */
    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (String key : p.getParamsKeys()) {
            workload.put(key, p.getParam(key), order++);
        }
        return new BenchmarkParams(
                p.getBenchmark(),
                p.generatedBenchmark(),
                p.shouldSynchIterations(),
                p.getThreads(),
                p.getThreadGroups(),
                p.getThreadGroupLabels(),
                forks,
                p.getWarmupForks(),
                p.getWarmup(),
                p.getMeasurement(),
                p.getMode(),
                workload,
                p.getTimeUnit(),
                p.getOpsPerInvocation(),
                p.getJvm(),
                p.getJvmArgs(),
                p.getJdkVersion(),
                p.getVmName(),
                p.getVmVersion(),
                p.getJmhVersion(),
                p.getTimeout());
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
                        .addProfiler(GCProfiler.class)
                        .addProfiler(CallCostProfiler.class)
                        .addProfiler(DisturbanceProfiler.class)
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
                                one.forkTime(plan).plus(FORK_STARTUP).multipliedBy(plan.forks()));
            }
        }
        return new ProgressFormat.Estimate(count, forks, total);
    }

    /**
     * Every {@code @Param} of the benchmarks {@code include} matches but {@code except}, each with
     * its first declared value: the one series a comparison's forks run.
     */
    public static Map<String, String> firstDeclaredValues(String include, String except) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (BenchmarkListEntry entry : find(include)) {
            if (entry.getParams().hasValue()) {
                entry.getParams()
                        .get()
                        .forEach(
                                (name, values) -> {
                                    if (!name.equals(except) && values.length > 0) {
                                        out.putIfAbsent(name, values[0]);
                                    }
                                });
            }
        }
        return out;
    }

    /** The benchmarks (one entry per method and mode) {@code include} matches, in JMH's order. */
    static List<BenchmarkListEntry> find(String include) {
        OutputFormat quiet =
                OutputFormatFactory.createFormatInstance(
                        new PrintStream(
                                OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
                        VerboseMode.SILENT);
        return new ArrayList<>(
                BenchmarkList.defaultList().find(quiet, List.of(include), new ArrayList<>()));
    }

    /**
     * The values {@code plan} runs {@code param} at: its own override, else the values the
     * benchmarks it includes declare; empty when none of them has the parameter.
     *
     * @param plan a plan
     * @param param a {@code @Param} field's name (case-sensitive)
     */
    public static List<String> values(Plan plan, String param) {
        List<String> own = plan.params().get(param);
        return own != null ? own : declaredValues(plan.include(), param);
    }

    /**
     * The values a {@code @Param} is declared with on the benchmarks {@code include} matches, in
     * declaration order; empty when none of them has the parameter.
     *
     * @param include a JMH include pattern
     * @param param a {@code @Param} field's name (case-sensitive)
     */
    static List<String> declaredValues(String include, String param) {
        java.util.LinkedHashSet<String> values = new java.util.LinkedHashSet<>();
        for (BenchmarkListEntry entry : find(include)) {
            if (entry.getParams().hasValue() && entry.getParams().get().containsKey(param)) {
                values.addAll(List.of(entry.getParams().get().get(param)));
            }
        }
        return List.copyOf(values);
    }
}
