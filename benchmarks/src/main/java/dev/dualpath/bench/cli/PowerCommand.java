package dev.dualpath.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dualpath.bench.compare.BlockRunner;
import dev.dualpath.bench.compare.Build;
import dev.dualpath.bench.compare.CompareSession;
import dev.dualpath.bench.compare.ForkSettings;
import dev.dualpath.bench.compare.JmhForkRunner;
import dev.dualpath.bench.compare.Side;
import dev.dualpath.bench.power.Condition;
import dev.dualpath.bench.power.ConditionResult;
import dev.dualpath.bench.power.PoolChange;
import dev.dualpath.bench.power.PowerReplay;
import dev.dualpath.bench.power.PowerTrials;
import dev.dualpath.bench.run.RunOutput;
import dev.dualpath.bench.verdict.cli.ExitCode;
import dev.dualpath.bench.verdict.cli.VerdictCommand;
import dev.dualpath.bench.verdict.sequential.Block;
import dev.dualpath.bench.verdict.sequential.MetricCatalog;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import dev.dualpath.bench.verdict.sequential.SequentialCompare;
import dev.dualpath.bench.verdict.sequential.SequentialSettings;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dualpath power}: how often {@code compare} catches a known change and how often it raises
 * a false alarm, on this machine, from real forks. For each condition (A/A, +2/5/10/20 % time on
 * in-memory {@code DIRECT} through the benchmark's proportional slowdown knob, +2 % bytes through
 * its allocation knob) it measures a pool of interleaved blocks, draws trials from the pool
 * applying the sequential rule block by block as {@code compare} does, and runs whole {@code
 * compare} sessions end to end. Writes {@code power.md} with each rate's Wilson interval and the
 * blocks and minutes a trial needed.
 */
@Command(
        name = "power",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Measure compare's detection and false-alarm rates on this machine with real"
                    + " interleaved forks:",
            "A/A, +2/5/10/20 %% time and +2 %% bytes on in-memory DIRECT (test-only knobs). Takes"
                    + " hours with the",
            "defaults (pool blocks x ~25 s x 6 conditions, plus the end-to-end runs); writes"
                    + " power.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (the rates are findings)", "2:usage error or a fork failed"})
public final class PowerCommand extends VerdictCommand {

    private static final String SERIES = "DIRECT";

    /** The sizing forks' folder in a power run. */
    private static final String SIZING = "sizing";

    @Option(
            names = "--pool-blocks",
            defaultValue = "40",
            paramLabel = "N",
            description =
                    "Blocks (4 forks each) in each condition's pool (default: ${DEFAULT-VALUE}).")
    int poolBlocks;

    @Option(
            names = "--trials",
            defaultValue = "20",
            paramLabel = "N",
            description = "Trials drawn from each pool (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--e2e",
            defaultValue = "3",
            paramLabel = "N",
            description = "End-to-end compare runs per condition (default: ${DEFAULT-VALUE}).")
    int endToEnd;

    @Option(
            names = "--budget",
            defaultValue = "10m",
            converter = Budget.class,
            paramLabel = "DURATION",
            description = "Budget of each trial and each compare run (default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(
            names = "--conditions",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Conditions to run (default: all: A/A, time+2%%, time+5%%, time+10%%,"
                            + " time+20%%, bytes+2%%).")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--min-effect",
            defaultValue = "0.03",
            paramLabel = "FRACTION",
            description = "compare's time minimum effect (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(
            names = "--head",
            paramLabel = "JAR",
            description = "The benchmarks jar (default: the jar this command runs from).")
    Path head;

    @Option(
            names = "--results",
            defaultValue = "results",
            paramLabel = "DIR",
            description = "Results folder; the run goes to DIR/runs/<timestamp>/.")
    Path results;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "SEED",
            description = "Seed of block orders and trial draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--replay",
            paramLabel = "DIR",
            description =
                    "Run no fork: judge a finished power run's recorded blocks again (its pools and"
                            + " end-to-end runs, in DIR) and rewrite DIR/power.md and power.json.")
    @Nullable Path replay;

    @Override
    protected ExitCode execute() throws IOException {
        if (replay != null) {
            return replay(replay);
        }
        RunOutput out = RunOutput.create(results, ZonedDateTime.now(ZoneId.systemDefault()));
        PrintStream console =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        console.println("power folder: " + out.dir());
        Path jar = out.file("bench.jar");
        Files.copy(
                head != null ? head : CompareCommand.ownJar(),
                jar,
                StandardCopyOption.REPLACE_EXISTING);
        Build plain = new Build(jar, "jar " + jar, List.of());
        ForkSettings forks = ForkSettings.inMemoryDefaults();
        List<MetricSpec> specs = MetricCatalog.defaults(minEffect, false);
        SequentialSettings settings = SequentialSettings.DEFAULT;
        long start = System.nanoTime();
        try {
            double[] sized = size(forks, plain, out.dir().resolve(SIZING));
            console.printf(
                    Locale.ROOT,
                    "%s: %.3f us/op, %.0f B/op (the bytes knob is sized from these)%n",
                    SERIES,
                    sized[0],
                    sized[1]);
            List<ConditionResult> all = new ArrayList<>();
            for (Condition c : conditions()) {
                all.add(condition(c, sized, plain, forks, specs, settings, out, console));
                writeReport(out.dir(), forks, sized, all, took(start));
            }
            console.println(Files.readString(out.file("power.md")));
            Files.deleteIfExists(jar);
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("error: interrupted");
            return ExitCode.BAD_INPUT;
        } catch (dev.dualpath.bench.compare.ForkRunner.ForkFailedException e) {
            err().println("error: a fork failed: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** {@code --replay}: the recorded blocks of {@code dir} judged again; no fork runs. */
    private ExitCode replay(Path dir) throws IOException {
        double[] sized = PowerReplay.sized(dir.resolve(SIZING));
        List<ConditionResult> all;
        try {
            all =
                    PowerReplay.judge(
                            dir,
                            conditions(),
                            SERIES,
                            MetricCatalog.defaults(minEffect, false),
                            budget,
                            trials,
                            seed + 17,
                            PowerReplay.recordedKnobs(dir));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("error: interrupted");
            return ExitCode.BAD_INPUT;
        }
        if (all.isEmpty()) {
            err().println(
                            "error: --replay "
                                    + dir
                                    + ": no pool-*/ledger.jsonl of the chosen conditions (is it a"
                                    + " power run's folder?)");
            return ExitCode.BAD_INPUT;
        }
        writeReport(
                dir,
                ForkSettings.inMemoryDefaults(),
                sized,
                all,
                "replayed by power --replay from the blocks recorded in this folder (no fork"
                        + " run); the measured run's duration is in its log. An end-to-end run is"
                        + " replayed only as far as its recorded blocks go: if the compare that"
                        + " ran it stopped earlier than this one would, its cell shows that"
                        + " earlier stop");
        System.out.println(Files.readString(dir.resolve("power.md")));
        return ExitCode.OK;
    }

    private static String took(long start) {
        return String.format(Locale.ROOT, "%.0f min", (System.nanoTime() - start) / 6e10);
    }

    private List<Condition> conditions() {
        List<Condition> all = Condition.defaults();
        if (only.isEmpty()) return all;
        List<Condition> chosen = new ArrayList<>();
        for (String name : only) {
            chosen.add(
                    all.stream()
                            .filter(c -> c.name().equalsIgnoreCase(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "--conditions: unknown '"
                                                            + name
                                                            + "' (A/A, time+2%, time+5%,"
                                                            + " time+10%, time+20%, bytes+2%)")));
        }
        return chosen;
    }

    /** DIRECT's time and bytes per call, medians of three forks: the bytes knob's size. */
    private static double[] size(ForkSettings forks, Build plain, Path dir)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        JmhForkRunner runner = new JmhForkRunner(forks, Map.of(Side.BASE, plain, Side.HEAD, plain));
        for (int i = 0; i < PowerReplay.SIZING_FORKS; i++) {
            runner.run(Side.BASE, SERIES, dir.resolve(PowerReplay.sizingFork(i)));
        }
        return PowerReplay.sized(dir);
    }

    private ConditionResult condition(
            Condition c,
            double[] sized,
            Build plain,
            ForkSettings forks,
            List<MetricSpec> specs,
            SequentialSettings settings,
            RunOutput out,
            PrintStream console)
            throws IOException, InterruptedException {
        List<String> knob = c.knob(sized[1]);
        Map<Side, Build> builds = Map.of(Side.BASE, plain, Side.HEAD, plain.withExtraJvmArgs(knob));
        String dirName = PowerReplay.folder(c);
        console.println("condition " + c.name() + ": knob " + (knob.isEmpty() ? "none" : knob));
        BlockRunner pool =
                BlockRunner.ofJmhForks(forks, builds, out.dir().resolve("pool-" + dirName), seed);
        List<Block> blocks = new ArrayList<>();
        int disturbed = 0;
        for (int i = 0; i < poolBlocks; i++) {
            Block b = pool.run(SERIES).block();
            blocks.add(b);
            if (b.isDisturbed()) disturbed++;
            console.printf(
                    Locale.ROOT,
                    "  pool block %d/%d (%.0f s)%s%n",
                    i + 1,
                    poolBlocks,
                    b.seconds(),
                    b.isDisturbed() ? " DISTURBED: " + b.disturbed() : "");
        }
        var trialResults =
                PowerTrials.run(
                        blocks, SERIES, specs, c.metric(), settings, budget, trials, seed + 17);
        List<CompareSession.Outcome> e2e = new ArrayList<>();
        PrintStream quiet =
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (int i = 0; i < endToEnd; i++) {
            SequentialCompare state = new SequentialCompare(Map.of(SERIES, specs), settings);
            BlockRunner runner =
                    BlockRunner.ofJmhForks(
                            forks,
                            builds,
                            out.dir().resolve("e2e-" + dirName + "-" + (i + 1)),
                            seed + 100 + i);
            CompareSession.Outcome o = new CompareSession(runner, state, budget, quiet).run();
            e2e.add(o);
            console.printf(
                    Locale.ROOT,
                    "  compare run %d/%d: %d blocks, %.1f min%n",
                    i + 1,
                    endToEnd,
                    o.blocks(),
                    o.elapsedSeconds() / 60);
        }
        return new ConditionResult(
                c,
                knob,
                blocks.size(),
                disturbed,
                PoolChange.of(blocks, c.metric()),
                trialResults,
                e2e);
    }

    private void writeReport(
            Path dir, ForkSettings forks, double[] sized, List<ConditionResult> all, String took)
            throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Date", ZonedDateTime.now(ZoneId.systemDefault()).toString());
        header.put(
                "JVM",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        header.put("CPUs", Integer.toString(Runtime.getRuntime().availableProcessors()));
        header.put(
                "Series",
                String.format(
                        Locale.ROOT,
                        "in-memory %s (%.3f us/op, %.0f B/op when sized)",
                        SERIES,
                        sized[0],
                        sized[1]));
        header.put(
                "Forks",
                String.format(
                        Locale.ROOT,
                        "one JMH fork per JVM, %d x %d ms warm-up, %d x %d ms measured, flags %s",
                        forks.warmupIterations(),
                        forks.warmupTime().toMillis(),
                        forks.measurementIterations(),
                        forks.measurementTime().toMillis(),
                        String.join(" ", forks.jvmFlags())));
        header.put(
                "Rule",
                String.format(
                        Locale.ROOT,
                        "compare's defaults: time min effect %.0f %%, bytes 1 %%, family-wise"
                                + " alpha 5 %%, budget %d min per trial",
                        minEffect * 100,
                        budget.toMinutes()));
        header.put(
                "Pools",
                all.stream().mapToInt(ConditionResult::poolBlocks).max().orElse(0)
                        + " blocks per condition; "
                        + trials
                        + " trials; "
                        + all.stream().mapToInt(r -> r.endToEnd().size()).max().orElse(0)
                        + " end-to-end compare runs per condition");
        header.put("Took", took);
        Files.writeString(
                dir.resolve("power.md"),
                dev.dualpath.bench.power.PowerReport.markdown(header, all));
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("power.json").toFile(), all);
    }
}
