package dev.dualpath.bench.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A virtual environment that dualpath creates and owns, with the packages of one requirements file
 * installed by pip from the package registry. Built once and reused while the requirements are
 * unchanged (a marker file holds their SHA-256); rebuilt from scratch when they change or a
 * previous build did not finish. The user's own Python is never modified.
 *
 * <p>pip runs with the user's pip configuration (index, proxy, retries, certificates), plus the
 * extra {@code environment} given here (a test points pip at an unreachable index this way).
 *
 * <pre>{@code
 * PythonVenv.Outcome venv = new PythonVenv(Path.of("target/python-sdk-venv")).ensure(requirements, System.out);
 * venv.python().ifPresentOrElse(python -> ..., () -> System.out.println(venv.reason()));
 * }</pre>
 */
public final class PythonVenv {

    /** Requirements resource bundled with the scripts. */
    public static final String SDK_REQUIREMENTS = "/python/sdk-requirements.txt";

    private static final String MARKER = "dualpath-requirements.sha256";
    private static final Duration VENV_BOUND = Duration.ofMinutes(2);

    private final Path dir;
    private final Supplier<Optional<Path>> basePython;
    private final Map<String, String> environment;
    private final Duration pipBound;

    /** A venv at {@code dir}, built with {@code python3} from {@code PATH}. */
    public PythonVenv(Path dir) {
        this(dir, () -> Executables.onPath("python3"), Map.of(), Duration.ofMinutes(15));
    }

    /**
     * A venv at {@code dir}, made with {@code basePython}.
     *
     * @param dir where the venv lives (created if absent)
     * @param basePython the Python 3 that creates it, empty when there is none
     * @param environment extra environment for pip (e.g. {@code PIP_INDEX_URL})
     * @param pipBound how long pip may take before it is stopped
     */
    public PythonVenv(
            Path dir,
            Supplier<Optional<Path>> basePython,
            Map<String, String> environment,
            Duration pipBound) {
        this.dir = dir.toAbsolutePath();
        this.basePython = basePython;
        this.environment = Map.copyOf(environment);
        this.pipBound = pipBound;
    }

    /**
     * The venv's Python, or why there is none.
     *
     * @param python the interpreter inside the venv, when it is ready
     * @param reason why it is not (empty when it is)
     */
    public record Outcome(Optional<Path> python, String reason) {
        /** A ready interpreter. */
        public static Outcome ready(Path python) {
            return new Outcome(Optional.of(python), "");
        }

        /** No interpreter, for {@code reason}. */
        public static Outcome unavailable(String reason) {
            return new Outcome(Optional.empty(), reason);
        }
    }

    /**
     * Makes sure the venv exists with {@code requirements} installed; prints one line per step that
     * takes time.
     *
     * @param requirements a class-path resource (e.g. {@link #SDK_REQUIREMENTS})
     * @return the venv's Python, or the reason it could not be made (no Python, no venv module, pip
     *     failed or timed out: the reason quotes pip's last lines)
     */
    public Outcome ensure(String requirements, PrintStream log) {
        Optional<Path> base = basePython.get();
        if (base.isEmpty()) {
            return Outcome.unavailable("python3 not found on PATH");
        }
        try {
            byte[] wanted = resource(requirements);
            String digest = sha256(wanted);
            Path python = dir.resolve("bin").resolve("python");
            Path marker = dir.resolve(MARKER);
            if (Files.isExecutable(python)
                    && Files.isRegularFile(marker)
                    && Files.readString(marker).strip().equals(digest)) {
                return Outcome.ready(python);
            }
            deleteTree(dir);
            log.println("python: creating a virtual environment in " + dir);
            ProcessRun venv =
                    ProcessRun.of(
                            List.of(base.get().toString(), "-m", "venv", dir.toString()),
                            Map.of(),
                            VENV_BOUND);
            if (!venv.succeeded()) {
                return Outcome.unavailable(
                        "python3 -m venv failed"
                                + (venv.timedOut() ? " (timed out)" : "")
                                + ": "
                                + venv.outputTail());
            }
            Path file = dir.resolve("requirements.txt");
            Files.write(file, wanted);
            log.println("python: pip install -r " + file + " (the pinned SDK; once per venv)");
            List<String> pip =
                    new ArrayList<>(
                            List.of(
                                    python.toString(),
                                    "-m",
                                    "pip",
                                    "install",
                                    "--no-input",
                                    "--disable-pip-version-check",
                                    "-r",
                                    file.toString()));
            ProcessRun install = ProcessRun.of(pip, environment, pipBound);
            if (!install.succeeded()) {
                return Outcome.unavailable(
                        "pip could not install "
                                + requirements.substring(requirements.lastIndexOf('/') + 1)
                                + (install.timedOut()
                                        ? " within " + pipBound.toMinutes() + " min"
                                        : " (exit " + install.exitCode() + ")")
                                + ": "
                                + install.outputTail());
            }
            Files.writeString(marker, digest + "\n");
            return Outcome.ready(python);
        } catch (IOException e) {
            return Outcome.unavailable("the virtual environment could not be made: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.unavailable("interrupted while making the virtual environment");
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PythonVenv.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return "PythonVenv[" + dir + "]";
    }
}
