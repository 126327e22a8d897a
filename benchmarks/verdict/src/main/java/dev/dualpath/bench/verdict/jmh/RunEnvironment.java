package dev.dualpath.bench.verdict.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The environment fingerprint of a run, as a report header states it. Read from {@code env.json}
 * (fields {@code jvm}, {@code jvmVersion}, {@code os}, {@code cpus}, {@code gitCommit}, {@code
 * date}, {@code profile}, {@code cpuWake}); any field it lacks is {@value #UNKNOWN}. Never filled
 * from the machine that writes the report, which may not be the one that ran the benchmarks.
 *
 * @param jvm JVM name, e.g. "OpenJDK 64-Bit Server VM"
 * @param jvmVersion e.g. "17.0.15"
 * @param os operating system
 * @param cpus available processors, as text
 * @param gitCommit commit the run was built from
 * @param date when the run started (ISO-8601 as written)
 * @param profile run profile (smoke, quick, full)
 * @param cpuWake whether idle CPUs were kept from halting while the run measured: a line that
 *     starts with {@value #HELD} when they were and {@value #NOT_HELD} when not (as {@code dualpath
 *     run} writes it), else {@value #UNKNOWN} (a run from before the field, or another tool's)
 */
public record RunEnvironment(
        String jvm,
        String jvmVersion,
        String os,
        String cpus,
        String gitCommit,
        String date,
        String profile,
        String cpuWake) {

    /** Placeholder for any field the run did not record. */
    public static final String UNKNOWN = "unknown";

    /** How a {@code cpuWake} line starts when the CPUs were kept awake. */
    public static final String HELD = "held:";

    /** How a {@code cpuWake} line starts when they were not. */
    public static final String NOT_HELD = "not held:";

    /** All fields unknown. */
    public static RunEnvironment unknown() {
        return new RunEnvironment(
                UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
    }

    /**
     * Reads {@code env.json}; a missing file gives {@link #unknown()} with the JVM taken from JMH.
     *
     * @param file the env.json path (need not exist)
     * @param jmhJvm the JVM JMH recorded, used when env.json lacks one
     * @throws InputException if the file exists but is not a JSON object
     */
    public static RunEnvironment read(Path file, String jmhJvm) {
        if (!Files.isRegularFile(file)) {
            String jvm = jmhJvm == null || jmhJvm.isBlank() ? UNKNOWN : jmhJvm;
            return new RunEnvironment(
                    jvm, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
        }
        JsonNode n = JsonFiles.read(file);
        if (!n.isObject()) throw new InputException(file, "(root)", "expected a JSON object");
        String jvm = field(n, "jvm");
        return new RunEnvironment(
                UNKNOWN.equals(jvm) && jmhJvm != null ? jmhJvm : jvm,
                field(n, "jvmVersion"),
                field(n, "os"),
                field(n, "cpus"),
                field(n, "gitCommit"),
                field(n, "date"),
                field(n, "profile"),
                field(n, "cpuWake"));
    }

    /**
     * Whether idle CPUs were kept from halting: true or false as {@link #cpuWake()} says, empty
     * when it does not say.
     */
    public java.util.Optional<Boolean> cpusKeptAwake() {
        if (cpuWake.startsWith(HELD)) return java.util.Optional.of(true);
        if (cpuWake.startsWith(NOT_HELD)) return java.util.Optional.of(false);
        return java.util.Optional.empty();
    }

    /** This environment, with a git commit given on the command line taking precedence. */
    public RunEnvironment withGitCommit(String commit) {
        if (commit == null || commit.isBlank()) return this;
        return new RunEnvironment(jvm, jvmVersion, os, cpus, commit, date, profile, cpuWake);
    }

    /** This environment with {@code cpuWake} as given (e.g. for a run folder written elsewhere). */
    public RunEnvironment withCpuWake(String cpuWake) {
        return new RunEnvironment(
                jvm,
                jvmVersion,
                os,
                cpus,
                gitCommit,
                date,
                profile,
                java.util.Objects.requireNonNull(cpuWake, "cpuWake"));
    }

    private static String field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull() || v.asText().isBlank()) return UNKNOWN;
        return v.asText();
    }
}
