package dev.dualpath.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.results.RunResult;

/**
 * Every finished fork of a run, one file each under {@code <run>/forks/}, so that a run stopped
 * part-way (by {@code --budget}, a killed process, a machine that went away) resumes with the forks
 * it has not measured yet instead of starting over (gzipped, about 2.6 KB a fork). A long profile
 * then spans several sessions of a machine that cannot be given to it for hours at once.
 *
 * <p>A fork is stored as JMH's own result object ({@link RunResult} is {@link Serializable}: JMH
 * sends it from the forked JVM to the host the same way), so a resumed run joins stored and new
 * forks exactly as if it had measured them all in one go. Files are written to a temporary name and
 * moved into place, so a process killed while writing leaves no half file behind. Reading accepts
 * only JMH's result classes and the JDK's, and only a file whose recorded series is the one asked
 * for: a store from another plan is an error, never a silent mix.
 */
public final class ForkStore {

    /** The folder inside a run folder. */
    public static final String FOLDER = "forks";

    /**
     * Only what a JMH result holds may be read back: its own classes, the JDK's collections and
     * boxes, and this file's record.
     */
    private static final ObjectInputFilter ONLY_JMH_RESULTS =
            ObjectInputFilter.Config.createFilter(
                    "maxdepth=64;maxrefs=1000000;"
                            + "dev.dualpath.bench.run.ForkStore$StoredFork;"
                            + "org.openjdk.jmh.**;java.lang.*;java.util.*;java.util.concurrent.*;"
                            + "!*");

    private final Path dir;

    private ForkStore(Path dir) {
        this.dir = dir;
    }

    /**
     * The store of {@code runDir}, its folder created if missing.
     *
     * @throws UncheckedIOException if the folder cannot be created
     */
    public static ForkStore in(Path runDir) {
        Path dir = runDir.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new ForkStore(dir);
    }

    /**
     * Where one fork is kept.
     *
     * @param plan the plan's index in the run's list
     * @param series the series' index in its plan ({@link ForkSchedule#series()})
     * @param round the round (fork number, from 0) in which it runs
     */
    public record Key(int plan, int series, int round) {

        /** The file name: fixed-width numbers, so a listing sorts in run-list order. */
        String fileName() {
            return String.format(Locale.ROOT, "p%02d-s%03d-r%02d.ser.gz", plan, series, round);
        }
    }

    /** What a file holds: the result, and which series it is, checked when read back. */
    private record StoredFork(String series, RunResult result) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The fork stored under {@code key}, or empty if it has not been measured.
     *
     * @param key where it would be
     * @param series the series' display name ({@code BenchmarkId#display()}), which the stored one
     *     must equal
     * @throws IllegalStateException naming the file if it cannot be read, holds anything but a JMH
     *     result, or holds another series (the run's plans changed since it was stored)
     */
    public Optional<RunResult> load(Key key, String series) {
        Path file = dir.resolve(key.fileName());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Object read;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_JMH_RESULTS);
            read = objects.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalStateException(
                    file + ": not a stored fork (" + e.getMessage() + ")", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(
                    file + ": cannot read the stored fork (" + e + "); delete it to measure again",
                    e);
        }
        if (!(read instanceof StoredFork stored)) {
            throw new IllegalStateException(file + ": not a stored fork");
        }
        if (!stored.series().equals(series)) {
            throw new IllegalStateException(
                    file
                            + ": holds "
                            + stored.series()
                            + ", but this run's plan puts "
                            + series
                            + " there; the plans changed since the run was paused");
        }
        return Optional.of(stored.result());
    }

    /**
     * Stores one finished fork under {@code key}, replacing nothing: a key is measured once.
     *
     * @param key where it goes
     * @param series the series' display name, read back by {@link #load}
     * @param result JMH's result of the single-fork invocation
     * @throws UncheckedIOException if it cannot be written
     */
    public void save(Key key, String series, RunResult result) {
        Path file = dir.resolve(key.fileName());
        Path partial = dir.resolve(key.fileName() + ".partial");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial));
                    ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(new StoredFork(series, result));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a finished fork as " + file, e);
        }
    }
}
