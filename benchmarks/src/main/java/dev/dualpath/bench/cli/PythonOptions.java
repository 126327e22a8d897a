package dev.dualpath.bench.cli;

import dev.dualpath.bench.verdict.claims.PythonReplay;
import dev.dualpath.bench.verdict.claims.PythonReplayRunner;
import dev.dualpath.bench.verdict.claims.PythonSource;
import dev.dualpath.bench.verdict.claims.SdkReplay;
import dev.dualpath.bench.verdict.claims.SdkSource;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the Python replays (stdlib and real SDK) come from. */
final class PythonOptions {

    @Option(
            names = "--python",
            paramLabel = "FILE",
            description = "Python replay JSON (default: python-replay.json in the run folder).")
    Path replay;

    @Option(
            names = "--run-python",
            description = "Run asyncio_replay.py with python3 first, writing the replay file.")
    boolean runPython;

    @Option(
            names = "--python-samples",
            defaultValue = "2000",
            paramLabel = "N",
            description = "Calls per series for --run-python (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--python-sdk",
            paramLabel = "FILE",
            description =
                    "Real-SDK replay JSON (default: python-sdk.json in the run folder; the main job"
                            + " writes it, 'dualpath sdk-replay' remakes it).")
    Path sdkReplay;

    @Option(
            names = "--python-executable",
            paramLabel = "PATH",
            description = "Python 3 to use for --run-python (default: python3 on PATH).")
    Path executable;

    /** The replay to use, running the script first if asked; absence is a reason, not an error. */
    PythonSource source(RunFolder folder, PrintWriter err) {
        Path file = replay != null ? replay : folder.pythonReplayPath();
        if (runPython) {
            PythonReplayRunner runner =
                    executable == null
                            ? new PythonReplayRunner()
                            : new PythonReplayRunner(
                                    () ->
                                            Files.isExecutable(executable)
                                                    ? Optional.of(executable)
                                                    : Optional.empty());
            PythonReplayRunner.Outcome outcome = runner.run(file, samples, Duration.ofMinutes(10));
            if (outcome.output().isEmpty()) {
                err.println("warning: " + outcome.reason() + "; Python claims are INCONCLUSIVE");
                return PythonSource.absent(outcome.reason());
            }
        }
        if (!Files.isRegularFile(file))
            return PythonSource.absent("python replay not present: " + file);
        return PythonSource.of(PythonReplay.read(file));
    }

    /**
     * The real-SDK replay of the run folder (or {@code --python-sdk}); absence is a reason, not an
     * error. A file recording why the replay could not run yields that reason.
     */
    SdkSource sdkSource(RunFolder folder) {
        Path file = sdkReplay != null ? sdkReplay : folder.pythonSdkPath();
        if (!Files.isRegularFile(file)) {
            return SdkSource.absent(
                    "real-SDK replay not present: "
                            + file
                            + " (the main job writes it; 'dualpath sdk-replay --run RUN' makes"
                            + " it)");
        }
        return SdkReplay.read(file);
    }
}
