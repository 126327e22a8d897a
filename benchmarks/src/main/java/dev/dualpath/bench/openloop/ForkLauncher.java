package dev.dualpath.bench.openloop;

import dev.dualpath.bench.BenchPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs each strategy in a fresh JVM, like a JMH fork, so that one strategy's threads, JIT state and
 * heap do not leak into the next: {@code java [jvmArgs] -cp <this classpath> OpenLoopMain ...}. The
 * fork's output is appended to a log; a fork that exits badly, writes no result, or outlives its
 * timeout (then it is killed) is a FAILED result naming why.
 */
public final class ForkLauncher implements Fork {

    /**
     * JVM start-up, WireMock start-up (about 1 s per JVM, docs/calibration.md#wiremock-start-up)
     * and the setup check, beyond the run's own bound.
     */
    static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(60);

    private static final String MAIN = OpenLoopMain.class.getName();

    private final List<String> javaCommand;
    private final Path log;

    /**
     * @param javaCommand the command up to the main class, e.g. {@code [java, -cp, cp]}
     * @param log where the forks' output is appended
     */
    public ForkLauncher(List<String> javaCommand, Path log) {
        if (javaCommand == null || javaCommand.isEmpty()) {
            throw new IllegalArgumentException("javaCommand must not be empty");
        }
        this.javaCommand = List.copyOf(javaCommand);
        this.log = log;
    }

    /**
     * Forks of this JVM's classpath.
     *
     * @param jvm the java binary, or null for the one running now
     * @param jvmArgs extra JVM arguments for every fork
     * @param log where the forks' output is appended
     */
    public static ForkLauncher ofThisClasspath(String jvm, List<String> jvmArgs, Path log) {
        String java =
                jvm != null
                        ? jvm
                        : ProcessHandle.current()
                                .info()
                                .command()
                                .orElse(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return new ForkLauncher(command, log);
    }

    @Override
    public StrategyResult run(BenchPath path, OpenLoopSettings settings, Path outDir)
            throws IOException, InterruptedException {
        Path resultFile = outDir.resolve(".openloop-" + path.name() + ".json");
        Files.deleteIfExists(resultFile);
        List<String> command = new ArrayList<>(javaCommand);
        command.add(MAIN);
        command.addAll(List.of(OpenLoopMain.arguments(path, settings, outDir, resultFile)));
        Files.writeString(
                log,
                "== " + path.name() + ": " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Duration timeout = settings.runBound().plus(STARTUP_ALLOWANCE);
        Process fork =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        try {
            String failure = null;
            if (!fork.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                failure =
                        "fork timed out after "
                                + timeout.toSeconds()
                                + " s and was killed (see "
                                + log.getFileName()
                                + ")";
            } else if (fork.exitValue() != 0) {
                failure =
                        "fork exited with " + fork.exitValue() + " (see " + log.getFileName() + ")";
            } else if (!Files.isRegularFile(resultFile)) {
                failure = "fork wrote no result (see " + log.getFileName() + ")";
            }
            if (failure != null) {
                removeHgrm(path, outDir); // a killed fork may have left half a file
                return StrategyResult.failed(path.name(), settings, failure, null);
            }
            return OpenLoopJson.readResult(resultFile);
        } finally {
            if (fork.isAlive()) {
                fork.destroyForcibly();
                fork.waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(resultFile);
        }
    }

    private static void removeHgrm(BenchPath path, Path outDir) throws IOException {
        Files.deleteIfExists(outDir.resolve(StrategyRun.hgrmName(path.name(), false)));
        Files.deleteIfExists(outDir.resolve(StrategyRun.hgrmName(path.name(), true)));
    }
}
