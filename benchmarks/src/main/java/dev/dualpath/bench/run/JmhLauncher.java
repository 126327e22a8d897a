package dev.dualpath.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dualpath.bench.CallCostProfiler;
import dev.dualpath.bench.machine.DisturbanceProfiler;
import dev.dualpath.bench.stub.StubForks;
import dev.dualpath.bench.stub.StubHost;
import dev.dualpath.bench.stub.StubMode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a list of {@link Plan}s with real JMH forks and writes their results as one {@code
 * jmh.json}: JMH's own result objects, concatenated in plan order, not altered. Every benchmark
 * records {@code -prof gc} (bytes/op), {@link CallCostProfiler} (threads started, caller-thread
 * bytes, CPU time and context switches per call; {@code stub.service.norm}, the fake provider's own
 * service time per request, for benchmarks that use it) and {@link DisturbanceProfiler} (what the
 * machine did during each iteration), and a failing benchmark fails the run. Forks with {@code
 * stubMode=OUT_OF_PROCESS} are pointed at the run's {@link StubHost} and pinned off its CPUs
 * ({@link StubForks}).
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
        ProgressFormat.Estimate estimate = estimate(plans);
        out.printf(
                "%d benchmarks, estimated %s%n",
                estimate.benchmarks(), ProgressFormat.format(estimate.total()));
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode merged = mapper.createArrayNode();
        try (OutputStream logStream = Files.newOutputStream(jmhLog);
                PrintStream logPrint = new PrintStream(logStream, true, StandardCharsets.UTF_8)) {
            ProgressFormat format =
                    new ProgressFormat(
                            OutputFormatFactory.createFormatInstance(logPrint, VerboseMode.NORMAL),
                            out,
                            estimate);
            for (int i = 0; i < plans.size(); i++) {
                Path part = jmhJson.resolveSibling(jmhJson.getFileName() + ".part" + i);
                new Runner(options(plans.get(i), part), format).run();
                for (JsonNode result : mapper.readTree(part.toFile())) {
                    merged.add(result);
                }
                Files.delete(part);
            }
        }
        mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValue(jmhJson.toFile(), merged);
    }

    private org.openjdk.jmh.runner.options.Options options(Plan plan, Path result) {
        ChainedOptionsBuilder b =
                new OptionsBuilder()
                        .include(plan.include())
                        .forks(plan.forks())
                        .warmupIterations(plan.warmupIterations())
                        .warmupTime(time(plan.warmupTime()))
                        .measurementIterations(plan.measurementIterations())
                        .measurementTime(time(plan.measurementTime()))
                        .addProfiler(GCProfiler.class)
                        .addProfiler(CallCostProfiler.class)
                        .addProfiler(DisturbanceProfiler.class)
                        .shouldFailOnError(true)
                        .resultFormat(ResultFormatType.JSON)
                        .result(result.toString());
        for (Map.Entry<String, List<String>> p : plan.params().entrySet()) {
            b.param(p.getKey(), p.getValue().toArray(String[]::new));
        }
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

    /** Counts benchmark × parameter combinations the plans will run, from JMH's generated list. */
    static ProgressFormat.Estimate estimate(List<Plan> plans) {
        BenchmarkList list = BenchmarkList.defaultList();
        OutputFormat quiet =
                OutputFormatFactory.createFormatInstance(
                        new PrintStream(
                                OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
                        VerboseMode.SILENT);
        int count = 0;
        Duration total = Duration.ZERO;
        for (Plan plan : plans) {
            SortedSet<BenchmarkListEntry> entries =
                    list.find(quiet, List.of(plan.include()), new ArrayList<>());
            for (BenchmarkListEntry entry : entries) {
                int combos = combinations(entry, plan.params());
                count += combos;
                total =
                        total.plus(
                                plan.forkTime()
                                        .plus(FORK_STARTUP)
                                        .multipliedBy((long) combos * plan.forks()));
            }
        }
        return new ProgressFormat.Estimate(count, total);
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

    private static List<BenchmarkListEntry> find(String include) {
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

    private static int combinations(BenchmarkListEntry entry, Map<String, List<String>> overrides) {
        if (!entry.getParams().hasValue()) {
            return 1;
        }
        int n = 1;
        for (Map.Entry<String, String[]> p : entry.getParams().get().entrySet()) {
            List<String> override = overrides.get(p.getKey());
            n *= override != null ? override.size() : Math.max(1, p.getValue().length);
        }
        return n;
    }
}
