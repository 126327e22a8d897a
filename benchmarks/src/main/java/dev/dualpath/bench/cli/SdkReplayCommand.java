package dev.dualpath.bench.cli;

import dev.dualpath.bench.python.PythonVenv;
import dev.dualpath.bench.python.SdkReplayRunner;
import dev.dualpath.bench.run.SdkReplayStep;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dualpath sdk-replay}: the write-up's patterns on the real Python SDK, into a run folder.
 */
@Command(
        name = "sdk-replay",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Time the write-up's sync patterns on the real Python SDK (openai, pinned) against the"
                    + " benchmarks' stub,",
            "in separate Python processes with the patterns interleaved in shuffled blocks; count"
                    + " failed calls, TCP",
            "connections and event loops per pattern. Writes RUN/python-sdk.json (or why it could"
                    + " not run) and",
            "prints the table; 'dualpath report --run RUN' then checks the claims on it. The SDK"
                    + " goes into a",
            "virtual environment of dualpath's own (--venv), made once with pip."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (measured, or the reason it could not be is written and printed)",
            "2:usage error or the run folder cannot be written"
        })
final class SdkReplayCommand extends VerdictCommand {

    @Option(
            names = "--run",
            required = true,
            paramLabel = "DIR",
            description = "Run folder to write python-sdk.json into (created if absent).")
    Path run;

    @Option(
            names = "--venv",
            paramLabel = "DIR",
            description = "Virtual environment for the SDK (default: target/python-sdk-venv).")
    Path venv = SdkReplayStep.DEFAULT_VENV;

    @Option(
            names = "--forks",
            defaultValue = "5",
            paramLabel = "N",
            description = "Python processes, >= 2 (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(
            names = "--rounds",
            defaultValue = "8",
            paramLabel = "N",
            description = "Measured rounds per process (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--block",
            defaultValue = "10",
            paramLabel = "N",
            description = "Calls per pattern per round (default: ${DEFAULT-VALUE}).")
    int block;

    @Option(
            names = "--warmup-rounds",
            defaultValue = "2",
            paramLabel = "N",
            description = "Rounds discarded first (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Override
    protected ExitCode execute() throws IOException {
        SdkReplayRunner.Settings settings =
                new SdkReplayRunner.Settings(
                        forks, rounds, block, warmupRounds, 1, Duration.ofMinutes(30));
        Files.createDirectories(run);
        PrintStream console =
                new PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out),
                        true,
                        StandardCharsets.UTF_8);
        SdkReplayStep.run(run, new SdkReplayRunner(new PythonVenv(venv)), settings, console);
        return ExitCode.OK;
    }
}
