package dev.dualpath.bench.cli;

import dev.dualpath.bench.InMemoryOverheadBenchmark;
import dev.dualpath.bench.Target;
import dev.dualpath.bench.run.EnvFingerprint;
import dev.dualpath.bench.run.JmhLauncher;
import dev.dualpath.bench.run.Plan;
import dev.dualpath.bench.run.Profile;
import dev.dualpath.bench.run.RunOutput;
import dev.dualpath.bench.verdict.cli.ExitCode;
import dev.dualpath.bench.verdict.cli.VerdictCommand;
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dualpath prove-gate}: produces the evidence that the gate works on this machine, with real
 * JMH runs rather than synthetic data.
 *
 * <ol>
 *   <li>A/A: the in-memory tier ({@code RAW_BLOCKING}, {@code DIRECT}, {@code LOOP_PER_CALL}) with
 *       many forks; {@code evidence} splits the forks in halves many times and gates each half
 *       against the other, and against itself made worse — the same code against itself must FAIL,
 *       and the worse half PASS, no more often than the test's one-sided level allows (see {@code
 *       EvidenceResult#passed}).
 *   <li>Sensitivity: the same benchmark for {@code DIRECT} again, with the in-memory transport's
 *       test-only knob adding a spin delay of 10 % of the {@code DIRECT} time just measured; the
 *       gate of that run against the A/A run must FAIL on {@code DIRECT}.
 * </ol>
 *
 * Everything goes to {@code results/runs/<timestamp>/} ({@code aa/}, {@code slow/}, {@code
 * evidence-aa.md}, {@code gate-slow/}, {@code gate-proof.md}).
 */
@Command(
        name = "prove-gate",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Run an A/A experiment and a known 10 %% slowdown, and show that the gate's false"
                    + " alarms and",
            "misses on the first come no more often than its test's level and that it catches the"
                    + " second.",
            "Takes ~5 minutes with the defaults."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:false alarms and misses within the test's level, and the slowdown caught",
            "1:false alarms or misses above the level, or the slowdown missed",
            "2:usage error or a benchmark failed"
        })
final class ProveGateCommand extends VerdictCommand {

    private static final String BENCHMARK = "dev.dualpath.bench.InMemoryOverheadBenchmark.call";

    @Option(
            names = "--results",
            defaultValue = "results",
            paramLabel = "DIR",
            description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(
            names = "--forks",
            defaultValue = "10",
            paramLabel = "N",
            description =
                    "Forks per series (default: ${DEFAULT-VALUE}; at least 10 for the A/A splits).")
    int forks;

    @Option(
            names = "--slowdown",
            defaultValue = "0.10",
            paramLabel = "FRACTION",
            description = "Injected slowdown of DIRECT (default: ${DEFAULT-VALUE}).")
    double slowdown;

    @Option(
            names = "--paths",
            split = ",",
            paramLabel = "PATH[,PATH...]",
            description =
                    "In-memory paths measured in the A/A run (default:"
                            + " RAW_BLOCKING,DIRECT,LOOP_PER_CALL). DIRECT is always needed.")
    List<String> paths =
            new java.util.ArrayList<>(List.of("RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL"));

    @Option(
            names = "--aa",
            paramLabel = "DIR",
            description =
                    "Reuse an A/A run made earlier by prove-gate (its aa/ folder) instead of"
                            + " measuring a new one.")
    Path reuseAa;

    @Override
    protected ExitCode execute() throws IOException {
        if (forks < 10) {
            throw new IllegalArgumentException(
                    "--forks must be at least 10 for the A/A splits, was " + forks);
        }
        RunOutput proof = RunOutput.create(results, ZonedDateTime.now(ZoneId.systemDefault()));
        PrintStream console =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path aa = reuseAa != null ? reuseAa : Files.createDirectories(proof.dir().resolve("aa"));
        Path slow = Files.createDirectories(proof.dir().resolve("slow"));

        if (!paths.contains("DIRECT")) {
            throw new IllegalArgumentException(
                    "--paths must include DIRECT: the slowdown is sized from it");
        }
        if (reuseAa == null && !measure(console, aa, paths, List.of())) {
            return ExitCode.BAD_INPUT;
        }
        long knobNanos = knobFor(aa.resolve(RunOutput.JMH_JSON));
        console.printf(
                Locale.ROOT,
                "injecting %d ns per exchange (%.0f %% of DIRECT)%n",
                knobNanos,
                slowdown * 100);
        String knob = "-D" + InMemoryOverheadBenchmark.EXTRA_DELAY_PROPERTY + "=" + knobNanos;
        if (!measure(console, slow, List.of("DIRECT"), List.of(knob))) {
            return ExitCode.BAD_INPUT;
        }

        int aaExit =
                spec.root()
                        .commandLine()
                        .execute(
                                "evidence",
                                aa.toString(),
                                "--min-forks",
                                "10",
                                "--out",
                                proof.file("evidence-aa.md").toString());
        int slowExit =
                spec.root()
                        .commandLine()
                        .execute(
                                "gate",
                                "--baseline",
                                aa.toString(),
                                "--current",
                                slow.toString(),
                                "--out",
                                proof.dir().resolve("gate-slow").toString());
        boolean caught = slowExit == ExitCode.FAILED.code();
        boolean withinLevel = aaExit == ExitCode.OK.code();
        String table = summary(aaExit, slowExit, knobNanos, caught, withinLevel);
        Files.writeString(proof.file("gate-proof.md"), table);
        console.println(table);
        return caught && withinLevel ? ExitCode.OK : ExitCode.FAILED;
    }

    private boolean measure(PrintStream console, Path dir, List<String> paths, List<String> jvmArgs)
            throws IOException {
        Plan plan =
                Plan.of("dev\\.dualpath\\.bench\\.InMemoryOverheadBenchmark\\.")
                        .label("gate proof")
                        // The ~1 KB body only, as the quick profile: the benchmark's other sizes
                        // would triple the forks and prove nothing more.
                        .params(
                                Map.of(
                                        "path",
                                        paths,
                                        "bodyBytes",
                                        List.of(String.valueOf(Target.SMALLEST_BODY_BYTES))))
                        .forks(forks)
                        .warmup(4, Duration.ofSeconds(1))
                        .warmupFor(Profile.QUICK_THREAD_PER_CALL_WARMUP)
                        .measurement(3, Duration.ofMillis(500))
                        .jvmArgs(jvmArgs)
                        .build();
        EnvFingerprint.capture(
                        "prove-gate",
                        null,
                        Map.of("transport", "in-memory"),
                        ZonedDateTime.now(ZoneId.systemDefault()))
                .write(dir.resolve(RunOutput.ENV_JSON));
        try {
            new JmhLauncher(console, null)
                    .run(
                            List.of(plan),
                            dir.resolve(RunOutput.JMH_JSON),
                            dir.resolve(RunOutput.JMH_LOG));
            return true;
        } catch (RunnerException e) {
            err().println("error: a benchmark failed: " + e.getMessage());
            return false;
        }
    }

    private long knobFor(Path jmhJson) {
        return knobNanos(jmhJson, slowdown);
    }

    /**
     * The spin delay, in ns, that adds {@code fraction} of DIRECT's mean measured in {@code
     * jmhJson}.
     *
     * @throws dev.dualpath.bench.verdict.InputException naming the file if it has no DIRECT series
     */
    static long knobNanos(Path jmhJson, double fraction) {
        Measurement m =
                new JmhResultReader()
                        .read(jmhJson).primaries().stream()
                                .filter(
                                        x ->
                                                x.id().benchmark().equals(BENCHMARK)
                                                        && "DIRECT"
                                                                .equals(
                                                                        x.id().params()
                                                                                .get("path")))
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new dev.dualpath.bench.verdict.InputException(
                                                        jmhJson,
                                                        "path",
                                                        "no "
                                                                + BENCHMARK
                                                                + " series with path=DIRECT"));
        double nanos = m.score() * 1000; // the benchmark reports us/op
        return Math.max(1, Math.round(nanos * fraction));
    }

    private String summary(
            int aaExit, int slowExit, long knobNanos, boolean caught, boolean withinLevel) {
        return String.format(
                Locale.ROOT,
                """
                # Gate proof

                | experiment | expected | exit code | outcome |
                |---|---|---:|---|
                | A/A: %d forks of the same code, split in halves, each half also made worse (see `evidence-aa.md`) | false alarms and misses at no more than the test's level | %d | %s |
                | +%.0f %% on DIRECT: a %d ns spin per in-memory exchange, gated against the A/A run (see `gate-slow/report.md`) | FAIL | %d | %s |
                """,
                forks,
                aaExit,
                withinLevel
                        ? "within the level"
                        : "FALSE ALARMS or MISSES above the level, or evidence not shown",
                slowdown * 100,
                knobNanos,
                slowExit,
                caught ? "caught" : "MISSED");
    }
}
