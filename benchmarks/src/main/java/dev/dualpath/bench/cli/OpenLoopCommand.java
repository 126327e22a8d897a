package dev.dualpath.bench.cli;

import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.BenchPath;
import dev.dualpath.bench.openloop.Fork;
import dev.dualpath.bench.openloop.ForkLauncher;
import dev.dualpath.bench.openloop.OpenLoop;
import dev.dualpath.bench.openloop.OpenLoopReport;
import dev.dualpath.bench.openloop.OpenLoopSettings;
import dev.dualpath.bench.openloop.StrategyRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dualpath openloop}: latency distributions at a fixed arrival rate, raw and corrected for
 * coordinated omission.
 */
@Command(
        name = "openloop",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Open-loop latency: each strategy, in a fresh JVM, calls the fake provider (127.0.0.1)"
                    + " at a fixed",
            "arrival rate from a fixed pool of caller threads, after a warm-up. Each call's latency"
                    + " is recorded",
            "from its intended start (corrected for coordinated omission) and from its actual start"
                    + " (raw).",
            "Writes DIR/hgrm/<strategy>-raw.hgrm and -corrected.hgrm (µs), DIR/openloop.json,"
                    + " DIR/openloop.md",
            "and DIR/openloop.log (the forks' output)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every strategy ran and every call succeeded",
            "1:a strategy FAILED (setup check, crash, timeout) or had failed or unstarted calls",
            "2:usage error"
        })
final class OpenLoopCommand extends VerdictCommand {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output folder (created if missing), e.g. a run folder.")
    Path out;

    @Option(
            names = "--strategies",
            split = ",",
            paramLabel = "NAME",
            defaultValue = "RAW_BLOCKING,DIRECT,LOOP_PER_CALL,SHARED_LOOP,SEED_LITERAL",
            description = "Comma list of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<BenchPath> strategies;

    @Option(
            names = "--transport",
            defaultValue = "APACHE",
            paramLabel = "KIND",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TransportKind transport;

    @Option(
            names = "--delay-ms",
            defaultValue = "10",
            paramLabel = "MS",
            description = "Injected delay (default: ${DEFAULT-VALUE}).")
    int delayMs;

    @Option(
            names = "--rate",
            defaultValue = "200",
            paramLabel = "PER_S",
            description = "Calls per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--warmup-ms",
            defaultValue = "5000",
            paramLabel = "MS",
            description =
                    "Scheduled but not recorded, before the measured window (default:"
                            + " ${DEFAULT-VALUE}).")
    long warmupMs;

    @Option(
            names = "--duration-ms",
            defaultValue = "10000",
            paramLabel = "MS",
            description = "Measured window (default: ${DEFAULT-VALUE}).")
    long durationMs;

    @Option(
            names = "--callers",
            paramLabel = "N",
            description =
                    "Caller threads (default: 4 x rate x (delay + 5 ms) + 4, between 16 and 512).")
    Integer callers;

    @Option(
            names = "--jvm",
            paramLabel = "PATH",
            description = "JVM binary for the forks (default: this one).")
    String jvm;

    @Option(
            names = "--jvm-args",
            paramLabel = "ARGS",
            split = " ",
            description = "Extra JVM arguments for every fork.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(
            names = "--in-process",
            description =
                    "Measure in this JVM instead of forks (for debugging: strategies then share JIT"
                            + " state and threads).")
    boolean inProcess;

    @Override
    protected ExitCode execute() throws IOException {
        OpenLoopSettings settings = settings();
        Files.createDirectories(out);
        Fork fork =
                inProcess
                        ? StrategyRun::run
                        : ForkLauncher.ofThisClasspath(jvm, jvmArgs, out.resolve(OpenLoop.LOG));
        OpenLoopReport report;
        try {
            report =
                    OpenLoop.run(
                            settings,
                            List.copyOf(new LinkedHashSet<>(strategies)),
                            out,
                            fork,
                            out()::println);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("error: interrupted");
            return ExitCode.FAILED;
        }
        out().println();
        out().print(report.markdown());
        out().flush();
        return report.allOk() ? ExitCode.OK : ExitCode.FAILED;
    }

    private OpenLoopSettings settings() {
        try {
            return new OpenLoopSettings(
                    transport,
                    delayMs,
                    rate,
                    warmupMs,
                    durationMs,
                    callers != null ? callers : OpenLoopSettings.defaultCallers(rate, delayMs));
        } catch (IllegalArgumentException e) {
            // The record names its fields (ratePerSecond, delayMs, ...): say which options
            // they come from.
            throw new IllegalArgumentException(
                    e.getMessage()
                            + " (from --rate, --delay-ms, --warmup-ms, --duration-ms or"
                            + " --callers)");
        }
    }
}
