package dev.dualpath.bench.verdict.jmh;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run folder as the CLI expects it:
 *
 * <pre>
 * run/
 *   jmh.json               required: JMH JSON result (-rf json -rff run/jmh.json)
 *   env.json               optional: {jvm, jvmVersion, os, cpus, gitCommit, date, profile}
 *   python-replay.json     optional: output of asyncio_replay.py
 *   python-sdk.json        optional: output of sdk_replay.py, or why it could not run
 *   refused.json           optional: paths the conformance step refused to benchmark, and why
 *   rounds.json            optional: the order interleaved forks ran in (ForkRounds)
 *   *.hgrm, hgrm/*.hgrm    optional: HdrHistogram percentile distributions
 * </pre>
 *
 * A path to a JSON file is accepted too: it is the JMH result, and its folder is searched for the
 * optional files.
 *
 * @param folder the folder holding the optional files
 * @param jmhJson the JMH result file
 */
public record RunFolder(Path folder, Path jmhJson) {

    /** File name of the JMH result inside a run folder. */
    public static final String JMH_JSON = "jmh.json";

    /** File name of the environment fingerprint. */
    public static final String ENV_JSON = "env.json";

    /** File name of the Python replay samples. */
    public static final String PYTHON_REPLAY = "python-replay.json";

    /** File name of the real-SDK replay's measurements (or the reason there are none). */
    public static final String PYTHON_SDK = "python-sdk.json";

    /** File name of the order interleaved forks ran in ({@link ForkRounds}). */
    public static final String ROUNDS_JSON = "rounds.json";

    /** File name of the paths the conformance step refused ({@link RefusedPaths}). */
    public static final String REFUSED_JSON = "refused.json";

    /**
     * The run folder at {@code path}, or the folder of the JMH JSON file {@code path} names.
     *
     * @param path a run folder or a JMH JSON file
     * @throws InputException if the path does not exist or the folder has no jmh.json
     */
    public static RunFolder of(Path path) {
        if (Files.isDirectory(path)) {
            Path jmh = path.resolve(JMH_JSON);
            if (!Files.isRegularFile(jmh)) {
                throw new InputException(path, JMH_JSON, "run folder has no " + JMH_JSON);
            }
            return new RunFolder(path, jmh);
        }
        if (Files.isRegularFile(path)) {
            Path parent = path.toAbsolutePath().getParent();
            return new RunFolder(parent, path);
        }
        throw new InputException(path, "(file)", "no such run folder or JMH JSON file");
    }

    /** Reads the JMH result. */
    public JmhRun readRun() {
        return new JmhResultReader().read(jmhJson);
    }

    /** Reads env.json (or unknowns), falling back to the JVM JMH recorded. */
    public RunEnvironment readEnvironment(JmhRun run) {
        return RunEnvironment.read(folder.resolve(ENV_JSON), run.jvm());
    }

    /**
     * Reads rounds.json; {@link ForkRounds#NONE} when the folder has none.
     *
     * @throws dev.dualpath.bench.verdict.InputException naming the file and field if it is
     *     malformed
     */
    public ForkRounds readRounds() {
        return ForkRounds.read(folder.resolve(ROUNDS_JSON));
    }

    /** The Python replay file, if the folder has one. */
    public Optional<Path> pythonReplay() {
        Path p = folder.resolve(PYTHON_REPLAY);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The default location of the Python replay, whether or not it exists. */
    public Path pythonReplayPath() {
        return folder.resolve(PYTHON_REPLAY);
    }

    /** Where the real-SDK replay's file is (or would be). */
    public Path pythonSdkPath() {
        return folder.resolve(PYTHON_SDK);
    }

    /** {@code .hgrm} files in the folder and its {@code hgrm/} subfolder, sorted by path. */
    public List<Path> hgrmFiles() {
        try (Stream<Path> s = Files.walk(folder, 2)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".hgrm"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(
                    folder, "(folder)", "cannot list .hgrm files: " + e.getMessage(), e);
        }
    }
}
