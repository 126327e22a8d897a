package dev.dualpath.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.bench.python.SdkReplayRunner;
import dev.dualpath.bench.verdict.claims.SdkReplay;
import dev.dualpath.bench.verdict.claims.SdkSource;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.report.SdkReplayTable;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The main job's real-SDK step: the write-up's patterns on the real Python SDK ({@code
 * sdk_replay.py}) against the same fake provider the Java benchmarks call, started here with the
 * benchmarks' options and the same canned ~1 KB answer, 0 ms delay. Writes {@value
 * RunFolder#PYTHON_SDK} into the run folder: the measurements, or, when the replay could not run
 * (no Python, pip or the registry unavailable), the reason, which makes its claims INCONCLUSIVE.
 */
public final class SdkReplayStep {

    /** Where the main job keeps the SDK's virtual environment (relative to the working folder). */
    public static final Path DEFAULT_VENV = Paths.get("target", "python-sdk-venv");

    private SdkReplayStep() {}

    /**
     * Runs the replay into {@code runDir} and prints its table (or why there is none).
     *
     * @return what the claims will read
     * @throws IOException if the run folder cannot be written
     */
    public static SdkSource run(
            Path runDir, SdkReplayRunner runner, SdkReplayRunner.Settings settings, PrintStream out)
            throws IOException {
        Path file = runDir.resolve(RunFolder.PYTHON_SDK);
        out.println(
                "python real SDK: the write-up's patterns with the pinned openai SDK, "
                        + settings.forks()
                        + " processes (about a minute once its environment exists) ...");
        SdkReplayRunner.Outcome outcome;
        try (FakeProvider stub = FakeProvider.start(FakeProvider.Options.benchmark())) {
            stub.stubSuccess(CannedBodies.success(), Latency.NONE);
            outcome =
                    runner.run(
                            new SdkReplayRunner.Stub(
                                    stub.baseUrl(),
                                    stub.connectionCountUrl(),
                                    CannedBodies.DEFAULT_CONTENT),
                            settings,
                            file,
                            out);
        }
        if (outcome.output().isEmpty()) {
            writeUnavailable(file, outcome.reason());
            out.println(
                    "python real SDK: not measured ("
                            + outcome.reason()
                            + "); its claims are INCONCLUSIVE");
            return SdkSource.absent(outcome.reason());
        }
        SdkSource source = SdkReplay.read(file);
        source.replay()
                .ifPresent(
                        r ->
                                out.println(
                                        SdkReplayTable.markdown(
                                                r, new Bootstrap(BootstrapSettings.DEFAULT))));
        return source;
    }

    /** The file a replay that could not run leaves, so the report can say why. */
    static void writeUnavailable(Path file, String reason) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("kind", "python-sdk-replay").put("status", "unavailable").put("reason", reason);
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
