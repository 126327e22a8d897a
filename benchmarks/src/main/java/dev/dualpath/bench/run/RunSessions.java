package dev.dualpath.bench.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stretches of machine time a run was measured in, kept as {@value #FILE} in its run folder: a
 * run that paused at its budget and was resumed has one entry per stretch, so a reader sees that
 * its forks were measured on different days (and with which JVM and commit each time; a resume
 * refuses another commit).
 */
public final class RunSessions {

    /** The file in a run folder. */
    public static final String FILE = "sessions.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSessions() {}

    /**
     * One stretch.
     *
     * @param started when it started, ISO-8601 with offset
     * @param ended when its benchmarks stopped, ISO-8601 with offset
     * @param gitCommit the commit measured ({@link EnvFingerprint#gitCommit()})
     * @param jvmVersion the host JVM's {@code java.version}
     * @param forkJvmVersion the version of the JVM the forks ran on ({@link ForkJvmVersion}); null
     *     in records written before it was kept
     * @param cpus processors the host JVM saw
     * @param forksMeasured forks measured in this stretch
     * @param forksBefore forks measured in earlier stretches
     * @param forksTotal forks the run's plans hold
     * @param cpuWake whether idle CPUs were kept from halting in this stretch ({@code
     *     CpuWakeHold#description()}); null in records written before it was kept
     */
    public record Session(
            String started,
            String ended,
            String gitCommit,
            String jvmVersion,
            @Nullable String forkJvmVersion,
            int cpus,
            int forksMeasured,
            int forksBefore,
            int forksTotal,
            @Nullable String cpuWake) {}

    /**
     * The stretches recorded in {@code runDir}, oldest first; empty when none is.
     *
     * @throws IOException if the file exists but cannot be read
     */
    public static List<Session> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return JSON.readValue(file.toFile(), new TypeReference<List<Session>>() {});
    }

    /**
     * Adds one stretch to {@code runDir}'s record.
     *
     * @throws IOException if the file cannot be read or written
     */
    public static void append(Path runDir, Session session) throws IOException {
        List<Session> all = new ArrayList<>(read(runDir));
        all.add(session);
        JSON.writeValue(runDir.resolve(FILE).toFile(), all);
    }

    /**
     * One line for a summary's header when the run took more than one stretch, else empty.
     *
     * @param sessions the run's stretches, oldest first
     */
    public static String describe(List<Session> sessions) {
        if (sessions.size() < 2) {
            return "";
        }
        StringBuilder b =
                new StringBuilder(
                        "Measured in "
                                + sessions.size()
                                + " recorded stretches (paused and resumed):");
        int counted = 0;
        // Each stretch holds the CPUs awake or not on its own (root on one machine, not on the
        // next); a run whose stretches differ in it is two experiments, and the line says so.
        boolean wakeDiffers =
                sessions.stream().map(Session::cpuWake).distinct().count() > 1
                        && sessions.stream().noneMatch(x -> x.cpuWake() == null);
        for (Session s : sessions) {
            // A stretch killed before it could write its entry leaves forks only the next entry's
            // count shows; say so rather than let the stretches' forks not add up.
            int unrecorded = s.forksBefore() - counted;
            if (unrecorded > 0) {
                b.append(
                        String.format(
                                java.util.Locale.ROOT,
                                " %d forks in a stretch that left no record (killed);",
                                unrecorded));
            }
            b.append(
                    String.format(
                            java.util.Locale.ROOT,
                            " %s to %s, %d forks;",
                            s.started(),
                            s.ended(),
                            s.forksMeasured()));
            if (wakeDiffers) {
                b.setLength(b.length() - 1);
                b.append(" (idle CPUs ").append(s.cpuWake()).append(");");
            }
            counted = s.forksBefore() + s.forksMeasured();
        }
        b.setLength(b.length() - 1);
        return b.append(
                        ". The forks of one round always ran in one stretch unless a stretch was"
                                + " killed or failed mid-round.\n\n")
                .toString();
    }
}
