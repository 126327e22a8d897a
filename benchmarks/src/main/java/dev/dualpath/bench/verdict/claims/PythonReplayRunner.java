package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.python.ProcessRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs {@code asyncio_replay.py} (bundled as the class-path resource {@value #SCRIPT}) with the
 * {@code python3} found on {@code PATH}. Absence of Python is an expected outcome, not an error: it
 * yields a reason that makes the Python side of each claim INCONCLUSIVE.
 */
public final class PythonReplayRunner {

    /** Class-path location of the script. */
    public static final String SCRIPT = "/python/asyncio_replay.py";

    private final Supplier<Optional<Path>> python;

    /** Uses {@code python3} from {@code PATH}. */
    public PythonReplayRunner() {
        this(() -> findOnPath("python3"));
    }

    /**
     * @param python finds the Python 3 executable, empty when there is none
     */
    public PythonReplayRunner(Supplier<Optional<Path>> python) {
        this.python = python;
    }

    /**
     * The result of trying to run the replay.
     *
     * @param output the written JSON, if the script succeeded
     * @param reason why there is no output (empty on success)
     */
    public record Outcome(Optional<Path> output, String reason) {}

    /**
     * Returns the output path, or the reason it could not be produced.
     *
     * @param out where the script writes its JSON
     * @param samples calls per series
     * @param timeout bound on the whole run; the process is destroyed after it
     */
    public Outcome run(Path out, int samples, Duration timeout) {
        Optional<Path> python = this.python.get();
        if (python.isEmpty())
            return new Outcome(
                    Optional.empty(),
                    "python3 not found (looked on PATH or at --python-executable)");
        Path script = null;
        try {
            script = extractScript();
            ProcessRun run =
                    ProcessRun.of(
                            List.of(
                                    python.get().toString(),
                                    script.toString(),
                                    "--samples",
                                    Integer.toString(samples),
                                    "--out",
                                    out.toString()),
                            Map.of(),
                            timeout);
            if (run.timedOut()) {
                return new Outcome(
                        Optional.empty(),
                        "python replay timed out after " + timeout.toSeconds() + " s");
            }
            if (!run.succeeded()) {
                return new Outcome(
                        Optional.empty(),
                        "python replay exited " + run.exitCode() + ": " + run.outputTail());
            }
            return new Outcome(Optional.of(out), "");
        } catch (IOException e) {
            return new Outcome(Optional.empty(), "python replay could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), "python replay interrupted");
        } finally {
            deleteQuietly(script);
        }
    }

    /** The first executable named {@code name} in the directories of {@code PATH}. */
    public static Optional<Path> findOnPath(String name) {
        return dev.dualpath.bench.python.Executables.onPath(name);
    }

    private static Path extractScript() throws IOException {
        try (InputStream in = PythonReplayRunner.class.getResourceAsStream(SCRIPT)) {
            if (in == null)
                throw new IOException("resource " + SCRIPT + " missing from the class path");
            Path tmp = Files.createTempFile("asyncio_replay", ".py");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; the outcome already says what happened
        }
    }
}
