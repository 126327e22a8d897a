package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code results/runs/<timestamp>/} as a run writes it (the verdict code reads it back as a {@link
 * RunFolder}): where one run writes everything it produces, so that every figure in its report
 * traces back to a file beside it. {@code results/latest} points at the newest.
 */
public final class RunOutput {

    /** File names inside a run folder; those the verdict code reads are its own constants. */
    public static final String JMH_JSON = RunFolder.JMH_JSON;

    public static final String JMH_LOG = "jmh.log";
    public static final String ENV_JSON = RunFolder.ENV_JSON;
    public static final String SUMMARY_MD = "summary.md";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;

    private RunOutput(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a fresh folder under {@code resultsDir/runs/} named after the UTC time, and points
     * {@code resultsDir/latest} at it (a symbolic link, or a text file holding the path where links
     * are not supported).
     *
     * @throws UncheckedIOException if the folder cannot be created
     */
    public static RunOutput create(Path resultsDir, ZonedDateTime now) {
        String stamp = STAMP.format(now.withZoneSameInstant(ZoneOffset.UTC));
        Path runs = resultsDir.resolve("runs");
        try {
            Files.createDirectories(runs);
            Path dir = runs.resolve(stamp);
            for (int i = 1; Files.exists(dir); i++) {
                dir = runs.resolve(stamp + "-" + i);
            }
            Files.createDirectory(dir);
            pointLatest(resultsDir, dir);
            return new RunOutput(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + runs, e);
        }
    }

    /**
     * A run folder that exists already: one being resumed.
     *
     * @throws IllegalArgumentException if {@code dir} is not a folder holding a run's schedule
     *     ({@code rounds.json}, written before its first fork)
     */
    public static RunOutput existing(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RunFolder.ROUNDS_JSON))) {
            throw new IllegalArgumentException(
                    "--resume: "
                            + dir
                            + " has no "
                            + RunFolder.ROUNDS_JSON
                            + ": no benchmark of it started, so there is nothing to resume; start"
                            + " a new run");
        }
        return new RunOutput(dir);
    }

    private static void pointLatest(Path resultsDir, Path dir) throws IOException {
        Path latest = resultsDir.resolve("latest");
        Files.deleteIfExists(latest);
        try {
            Files.createSymbolicLink(latest, resultsDir.relativize(dir));
        } catch (UnsupportedOperationException | IOException e) {
            Files.writeString(latest, dir.toAbsolutePath() + System.lineSeparator());
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }
}
