package dev.dualpath.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What machine and code a run measured: written as {@code env.json} beside {@code jmh.json}, and
 * printed at the top of every report, because numbers from this 2-core VM mean nothing without it.
 *
 * @param jvm the JVM name and vendor of the host (forks may use {@code --jvm})
 * @param jvmVersion {@code java.version}
 * @param forkJvm the JVM binary the forks ran on, or the host's when not overridden
 * @param forkJvmVersion that JVM's version ({@link ForkJvmVersion})
 * @param os OS name, version and architecture
 * @param cpus processors visible to the host JVM
 * @param gitCommit the commit of the working tree, {@code -dirty} when it has changes, or {@code
 *     unknown}
 * @param date when the run started, ISO-8601 with offset
 * @param profile the profile name
 * @param stub the fake provider's settings (journal, threads, gzip, HTTP version)
 * @param cpuWake whether idle CPUs were kept from halting while the forks ran, and how, or why not
 *     ({@code dev.dualpath.bench.machine.CpuWakeHold#description()})
 */
public record EnvFingerprint(
        String jvm,
        String jvmVersion,
        String forkJvm,
        String forkJvmVersion,
        String os,
        int cpus,
        String gitCommit,
        String date,
        String profile,
        Map<String, String> stub,
        String cpuWake) {

    /** What a command that does not hold the CPUs awake records. */
    public static final String CPU_WAKE_NOT_HELD =
            dev.dualpath.bench.verdict.jmh.RunEnvironment.NOT_HELD
                    + " this command does not hold it";

    /** The fingerprint of this JVM and working tree now. */
    public static EnvFingerprint capture(
            String profile, String forkJvm, Map<String, String> stub, ZonedDateTime now) {
        return new EnvFingerprint(
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("java.version"),
                forkJvm == null ? System.getProperty("java.home") + "/bin/java" : forkJvm,
                ForkJvmVersion.of(forkJvm),
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                currentGitCommit(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now),
                profile,
                Map.copyOf(stub),
                CPU_WAKE_NOT_HELD);
    }

    /** This fingerprint with {@code cpuWake} recorded. */
    public EnvFingerprint withCpuWake(String description) {
        return new EnvFingerprint(
                jvm,
                jvmVersion,
                forkJvm,
                forkJvmVersion,
                os,
                cpus,
                gitCommit,
                date,
                profile,
                stub,
                java.util.Objects.requireNonNull(description, "description"));
    }

    /**
     * Writes this as pretty JSON.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), this);
    }

    /**
     * The working tree's commit: {@code HEAD}, with {@code -dirty} when tracked files have changes,
     * or {@code unknown} when git cannot tell (no git, not a repository).
     */
    public static String currentGitCommit() {
        try {
            String head = run("git", "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return "unknown";
            }
            return run("git", "status", "--porcelain", "--untracked-files=no").isEmpty()
                    ? head
                    : head + "-dirty";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                return "";
            }
            return p.exitValue() == 0
                    ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
                    : "";
        } finally {
            p.destroyForcibly();
        }
    }
}
