package dev.dualpath.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.bench.compare.BaseBuilder;
import dev.dualpath.bench.compare.BlockRunner;
import dev.dualpath.bench.compare.Build;
import dev.dualpath.bench.compare.CompareSession;
import dev.dualpath.bench.compare.ForkSettings;
import dev.dualpath.bench.compare.Side;
import dev.dualpath.bench.run.DeclaredBenchmarks;
import dev.dualpath.bench.run.EnvFingerprint;
import dev.dualpath.bench.run.RunOutput;
import dev.dualpath.bench.verdict.cli.ExitCode;
import dev.dualpath.bench.verdict.cli.VerdictCommand;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.report.SequentialReport;
import dev.dualpath.bench.verdict.sequential.MetricCatalog;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import dev.dualpath.bench.verdict.sequential.SequentialCompare;
import dev.dualpath.bench.verdict.sequential.SequentialSettings;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dualpath compare}: two builds measured in one job. Forks of the base and the head are
 * interleaved in randomized ABBA/BAAB blocks, one JMH fork per JVM, and judged block by block with
 * an anytime-valid sequential rule until every gated metric is decided or the budget is spent.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Compare two builds in one job: base (a git revision, built in a temporary worktree, or"
                    + " a jar)",
            "against head (this tree's jar), forks interleaved in random ABBA/BAAB blocks,"
                    + " sequential until",
            "decided or out of budget. Writes results/runs/<timestamp>/ (compare.md,"
                    + " compare.json, ledger.jsonl, forks/)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression (PASS or INCONCLUSIVE)",
            "1:a regression (FAIL)",
            "2:usage error, a build or a fork failed"
        })
public final class CompareCommand extends VerdictCommand {

    @Option(
            names = "--base",
            required = true,
            paramLabel = "REV|JAR",
            description = "Base: a git revision of this repository, or a benchmarks jar.")
    String base;

    @Option(
            names = "--head",
            paramLabel = "JAR",
            description = "Head: a benchmarks jar (default: the jar this command runs from).")
    Path head;

    @Option(
            names = "--budget",
            defaultValue = "10m",
            converter = Budget.class,
            paramLabel = "DURATION",
            description =
                    "Wall time for the measurements, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(
            names = "--series",
            split = ",",
            paramLabel = "VALUE",
            description =
                    "Values of the compared @Param (default: DIRECT, SHARED_LOOP, SEED_LITERAL,"
                            + " LOOP_PER_CALL).")
    List<String> series =
            new ArrayList<>(List.of("DIRECT", "SHARED_LOOP", "SEED_LITERAL", "LOOP_PER_CALL"));

    @Option(
            names = "--benchmark",
            paramLabel = "REGEX",
            description =
                    "The benchmark method (default: in-memory overhead benchmark, ~1 KB body);"
                            + " its other @Params run at their first declared value.")
    String benchmark;

    @Option(
            names = "--param",
            paramLabel = "NAME",
            description = "The @Param whose values are the series (default: path).")
    String param;

    @Option(
            names = "--min-effect",
            defaultValue = "0.03",
            paramLabel = "FRACTION",
            description = "Smallest time regression that can FAIL (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(
            names = "--alpha",
            defaultValue = "0.05",
            paramLabel = "RATE",
            description =
                    "Family-wise false-alarm rate of the whole comparison (default:"
                            + " ${DEFAULT-VALUE}).")
    double alpha;

    @Option(
            names = "--jvm-flags",
            split = " ",
            paramLabel = "FLAGS",
            description =
                    "Flags of every fork of both sides (default: \"-Xms512m -Xmx512m"
                            + " -XX:+AlwaysPreTouch\").")
    List<String> jvmFlags;

    @Option(
            names = "--base-jvm-args",
            split = " ",
            paramLabel = "ARGS",
            description = "Extra JVM arguments of the base's forks only (e.g. a test knob).")
    List<String> baseArgs = new ArrayList<>();

    @Option(
            names = "--head-jvm-args",
            split = " ",
            paramLabel = "ARGS",
            description = "Extra JVM arguments of the head's forks only (e.g. a test knob).")
    List<String> headArgs = new ArrayList<>();

    @Option(
            names = "--warmup",
            defaultValue = "3",
            paramLabel = "N",
            description = "Warm-up iterations of 0.5 s per fork (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--iterations",
            defaultValue = "4",
            paramLabel = "N",
            description = "Measured iterations of 0.5 s per fork (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--results",
            defaultValue = "results",
            paramLabel = "DIR",
            description = "Results folder; the comparison goes to DIR/runs/<timestamp>/.")
    Path results;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "SEED",
            description = "Seed of the block orders (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--keep-jars",
            description = "Keep base.jar and head.jar in the comparison's folder.")
    boolean keepJars;

    @Override
    protected ExitCode execute() throws IOException {
        RunOutput out = RunOutput.create(results, ZonedDateTime.now(ZoneId.systemDefault()));
        PrintStream console =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        console.println("comparison folder: " + out.dir());
        try {
            Map<Side, Build> builds = builds(out.dir(), console);
            ForkSettings forks = forkSettings();
            writeEnvironment(out, builds, forks);
            Map<String, List<MetricSpec>> gated = new LinkedHashMap<>();
            for (String s : series) gated.put(s, MetricCatalog.defaults(minEffect, false));
            SequentialCompare state =
                    new SequentialCompare(gated, new SequentialSettings(alpha, alpha));
            BlockRunner blocks = BlockRunner.ofJmhForks(forks, builds, out.dir(), seed);
            CompareSession.Outcome outcome =
                    new CompareSession(blocks, state, budget, console).run();
            String md = report(builds, forks, outcome);
            Files.writeString(out.file("compare.md"), md);
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.file("compare.json").toFile(), outcome);
            out().print(md);
            out().flush();
            if (!keepJars) {
                Files.deleteIfExists(out.file("base.jar"));
                Files.deleteIfExists(out.file("head.jar"));
            }
            boolean failed =
                    outcome.series().stream()
                            .flatMap(o -> o.metrics().stream())
                            .anyMatch(m -> m.verdict() == GateVerdict.FAIL);
            return failed ? ExitCode.FAILED : ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("error: interrupted");
            return ExitCode.BAD_INPUT;
        } catch (dev.dualpath.bench.compare.ForkRunner.ForkFailedException e) {
            err().println("error: a fork failed: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    private Map<Side, Build> builds(Path dir, PrintStream console)
            throws IOException, InterruptedException {
        Path repo = Path.of("").toAbsolutePath();
        console.println("base: " + base + (base.endsWith(".jar") ? "" : " (building ...)"));
        Build b = new BaseBuilder(repo, "mvn").resolve(base, dir).withExtraJvmArgs(baseArgs);
        Path headJar = head != null ? head : ownJar();
        if (!Files.isRegularFile(headJar)) {
            throw new IllegalArgumentException("--head: no such jar: " + headJar);
        }
        Path headCopy = dir.resolve("head.jar");
        Files.copy(headJar, headCopy, StandardCopyOption.REPLACE_EXISTING);
        Build h = new Build(headCopy, "jar " + headJar.toAbsolutePath(), headArgs);
        Map<Side, Build> builds = new LinkedHashMap<>();
        builds.put(Side.BASE, b);
        builds.put(Side.HEAD, h);
        return builds;
    }

    private ForkSettings forkSettings() {
        ForkSettings d = ForkSettings.inMemoryDefaults();
        String include = benchmark != null ? benchmark : d.include();
        String seriesParam = param != null ? param : d.param();
        return new ForkSettings(
                include,
                seriesParam,
                warmup,
                d.warmupTime(),
                iterations,
                d.measurementTime(),
                jvmFlags != null ? jvmFlags : d.jvmFlags(),
                benchmark == null && param == null
                        ? d.fixedParams()
                        : DeclaredBenchmarks.firstDeclaredValues(include, seriesParam));
    }

    /** The jar this command runs from: the head, unless {@code --head} names another. */
    static Path ownJar() {
        try {
            Path p =
                    Path.of(
                            CompareCommand.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            if (p.toString().endsWith(".jar")) return p;
        } catch (URISyntaxException | SecurityException e) {
            // Fall through to the usage error below.
        }
        throw new IllegalArgumentException(
                "--head: not running from a jar; name the head's benchmarks jar");
    }

    private void writeEnvironment(RunOutput out, Map<Side, Build> builds, ForkSettings forks)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode env = json.createObjectNode();
        env.put("kind", "compare");
        env.set(
                "machine",
                json.valueToTree(
                        EnvFingerprint.capture(
                                "compare",
                                null,
                                Map.of(),
                                ZonedDateTime.now(ZoneId.systemDefault()))));
        builds.forEach(
                (side, b) ->
                        env.putObject(side.name().toLowerCase(Locale.ROOT))
                                .put("build", b.description())
                                .put("extraJvmArgs", String.join(" ", b.extraJvmArgs())));
        env.putObject("forks")
                .put("include", forks.include())
                .put("param", forks.param())
                .put("warmupIterations", forks.warmupIterations())
                .put("warmupMillis", forks.warmupTime().toMillis())
                .put("measurementIterations", forks.measurementIterations())
                .put("measurementMillis", forks.measurementTime().toMillis())
                .put("oneForkPerJvm", true);
        env.put("forkJvmFlags", String.join(" ", forks.jvmFlags()));
        env.put("budgetSeconds", budget.toSeconds());
        env.put("alpha", alpha);
        env.put("seed", seed);
        json.writeValue(out.file(RunOutput.ENV_JSON).toFile(), env);
    }

    private String report(
            Map<Side, Build> builds, ForkSettings forks, CompareSession.Outcome outcome) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Base (A)", describe(builds.get(Side.BASE)));
        header.put("Head (B)", describe(builds.get(Side.HEAD)));
        header.put("Benchmark", forks.include() + ", series by @Param " + forks.param());
        header.put(
                "Forks",
                String.format(
                        Locale.ROOT,
                        "one JMH fork per JVM, %d x %d ms warm-up, %d x %d ms measured; flags %s",
                        forks.warmupIterations(),
                        forks.warmupTime().toMillis(),
                        forks.measurementIterations(),
                        forks.measurementTime().toMillis(),
                        String.join(" ", forks.jvmFlags())));
        header.put(
                "JVM",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        header.put("CPUs", Integer.toString(Runtime.getRuntime().availableProcessors()));
        header.put("Date", ZonedDateTime.now(ZoneId.systemDefault()).toString());
        header.put(
                "Rule",
                String.format(
                        Locale.ROOT,
                        "each metric at an equal share of a family-wise false-alarm rate <="
                                + " %.0f %% (Bonferroni), spent on an anytime-valid confidence"
                                + " sequence after every block (1/5) and t tests at four looks"
                                + " planned by the budget's clock (4/5)",
                        alpha * 100));
        String summary =
                String.format(
                        Locale.ROOT,
                        "%d blocks (4 forks each) in %.1f min of a %.0f min budget; %s.",
                        outcome.blocks(),
                        outcome.elapsedSeconds() / 60,
                        budget.toSeconds() / 60.0,
                        outcome.budgetSpent()
                                ? "stopped because the next block would overrun the budget"
                                : "every series decided or retired");
        return SequentialReport.markdown("dualpath compare", header, outcome.series(), summary);
    }

    private static String describe(Build b) {
        return b.description()
                + (b.extraJvmArgs().isEmpty() ? "" : " with " + String.join(" ", b.extraJvmArgs()));
    }
}
