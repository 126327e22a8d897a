package dev.dualpath.bench.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One bounded run of an external command, its standard output and error merged into a temporary log
 * whose tail explains a failure. Never leaves the process running: on timeout or interrupt it is
 * destroyed.
 *
 * @param exitCode the process's exit code, or -1 when it did not finish
 * @param outputTail the last {@value #TAIL_CHARS} characters of its merged output, stripped
 * @param timedOut whether the bound was reached (the process was then destroyed)
 */
public record ProcessRun(int exitCode, String outputTail, boolean timedOut) {

    /** How much of the output a failure message keeps. */
    public static final int TAIL_CHARS = 600;

    /** Whether the process finished with exit code 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /**
     * Runs {@code command} and waits for it, at most {@code timeout}.
     *
     * @param environment variables added to (or replacing) this process's environment
     * @throws IOException if the command cannot be started
     * @throws InterruptedException if interrupted while waiting (the process is destroyed first)
     */
    public static ProcessRun of(
            List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("dualpath-process", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                destroy(p);
                throw e;
            }
            if (!finished) {
                destroy(p);
                return new ProcessRun(-1, tail(read(log)), true);
            }
            return new ProcessRun(p.exitValue(), tail(read(log)), false);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The process and the processes it started (a replay runs its forks as children). */
    private static void destroy(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Output as text; bytes that are not UTF-8 become replacement characters, never an error. */
    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= TAIL_CHARS ? t : "..." + t.substring(t.length() - TAIL_CHARS);
    }
}
