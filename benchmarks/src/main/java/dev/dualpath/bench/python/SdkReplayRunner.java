package dev.dualpath.bench.python;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs {@code sdk_replay.py} (bundled as {@value #SCRIPT}) with the Python of a {@link PythonVenv}
 * holding the pinned SDK, against a stub given by its URLs. What it cannot do (no Python, pip
 * unavailable, the script failing) comes back as a reason, for an INCONCLUSIVE verdict.
 *
 * <pre>{@code
 * SdkReplayRunner.Outcome o = new SdkReplayRunner(new PythonVenv(venvDir))
 *         .run(stub, SdkReplayRunner.Settings.DEFAULTS, runDir.resolve("python-sdk.json"), System.out);
 * }</pre>
 */
public final class SdkReplayRunner {

    /** Class-path location of the script. */
    public static final String SCRIPT = "/python/sdk_replay.py";

    private final Function<PrintStream, PythonVenv.Outcome> interpreter;

    /**
     * A runner whose SDK lives in {@code venv}, made on first use.
     *
     * @param venv where the SDK is (or will be) installed
     */
    public SdkReplayRunner(PythonVenv venv) {
        this(log -> venv.ensure(PythonVenv.SDK_REQUIREMENTS, log));
    }

    /**
     * A runner over any interpreter that has the SDK (tests use a stand-in).
     *
     * @param interpreter makes the Python with the SDK ready (printing progress to its argument),
     *     or says why it cannot
     */
    SdkReplayRunner(Function<PrintStream, PythonVenv.Outcome> interpreter) {
        this.interpreter = interpreter;
    }

    /**
     * The stub the replay calls.
     *
     * @param baseUrl {@code http://127.0.0.1:PORT}, without {@code /v1}
     * @param connectionsUrl answers {@code GET} with {@code {"accepted": N}}, the stub's cumulative
     *     count of accepted TCP connections
     * @param expectedContent the content every chat response carries; a response without it is a
     *     failed call
     */
    public record Stub(URI baseUrl, URI connectionsUrl, String expectedContent) {}

    /**
     * How much to measure.
     *
     * @param forks separate Python processes, at least 2 (the units of the confidence intervals)
     * @param rounds measured rounds per process; each runs one block of every pattern
     * @param block calls per pattern per round
     * @param warmupRounds rounds discarded first
     * @param seed shuffle seed of the first process
     * @param timeout bound on the whole replay; the processes are destroyed after it
     */
    public record Settings(
            int forks, int rounds, int block, int warmupRounds, int seed, Duration timeout) {

        /** The main job's: 5 processes x 8 rounds x 10 calls = 400 measured calls per pattern. */
        public static final Settings DEFAULTS =
                new Settings(5, 8, 10, 2, 1, Duration.ofMinutes(20));

        /**
         * Checks the ranges.
         *
         * @throws IllegalArgumentException naming the field, on a value out of range
         */
        public Settings {
            if (forks < 2) {
                throw new IllegalArgumentException("forks must be >= 2, was " + forks);
            }
            if (rounds < 1 || block < 1 || warmupRounds < 0) {
                throw new IllegalArgumentException(
                        "rounds and block must be >= 1 and warmupRounds >= 0, were "
                                + rounds
                                + ", "
                                + block
                                + ", "
                                + warmupRounds);
            }
        }
    }

    /**
     * The result of trying to run the replay.
     *
     * @param output the written JSON, if the script succeeded
     * @param reason why there is none (empty on success)
     */
    public record Outcome(Optional<Path> output, String reason) {}

    /**
     * Makes sure the venv is ready, then runs the replay, writing {@code out}.
     *
     * @param log where progress lines go (venv creation, pip)
     */
    public Outcome run(Stub stub, Settings settings, Path out, PrintStream log) {
        PythonVenv.Outcome python = interpreter.apply(log);
        if (python.python().isEmpty()) {
            return new Outcome(Optional.empty(), python.reason());
        }
        Path script = null;
        try {
            script = Files.createTempFile("sdk_replay", ".py");
            Files.write(script, PythonVenv.resource(SCRIPT));
            ProcessRun run =
                    ProcessRun.of(
                            List.of(
                                    python.python().get().toString(),
                                    script.toString(),
                                    "--base-url",
                                    stub.baseUrl().toString(),
                                    "--connections-url",
                                    stub.connectionsUrl().toString(),
                                    "--expect-content",
                                    stub.expectedContent(),
                                    "--forks",
                                    Integer.toString(settings.forks()),
                                    "--rounds",
                                    Integer.toString(settings.rounds()),
                                    "--block",
                                    Integer.toString(settings.block()),
                                    "--warmup-rounds",
                                    Integer.toString(settings.warmupRounds()),
                                    "--seed",
                                    Integer.toString(settings.seed()),
                                    "--out",
                                    out.toAbsolutePath().toString()),
                            Map.of(),
                            settings.timeout());
            if (run.timedOut()) {
                return new Outcome(
                        Optional.empty(),
                        "sdk replay timed out after " + settings.timeout().toMinutes() + " min");
            }
            if (!run.succeeded()) {
                return new Outcome(
                        Optional.empty(),
                        "sdk replay exited " + run.exitCode() + ": " + run.outputTail());
            }
            return new Outcome(Optional.of(out), "");
        } catch (IOException e) {
            return new Outcome(Optional.empty(), "sdk replay could not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), "sdk replay interrupted");
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the outcome says what happened
                }
            }
        }
    }
}
