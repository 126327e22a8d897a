package dev.dualpath.bench.cli;

import dev.dualpath.bench.run.JmhLauncher;
import dev.dualpath.bench.run.RunOutput;
import dev.dualpath.bench.run.RunSessions;
import dev.dualpath.bench.run.RunSummary;
import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A paused run's look so far: {@value #FILE} from the plans it has finished, with no verdicts (the
 * claims and the gate wait for the whole run, since a verdict on part of a suite would be judged
 * against a family it does not hold). A completed run deletes it: its {@code summary.md} supersedes
 * it.
 */
final class PartialSummary {

    /** The file in the run folder. */
    static final String FILE = "summary-partial.md";

    private PartialSummary() {}

    /**
     * Writes {@value #FILE} when the paused run has finished at least one plan; else writes
     * nothing.
     *
     * @param header the summary's header line for the run's profile
     * @param run the run folder
     * @param outcome what the launcher measured so far
     * @param console where the file's path is printed
     * @throws IOException if the partial results cannot be read or the summary written
     */
    static void write(
            String header, RunOutput run, JmhLauncher.Outcome outcome, PrintStream console)
            throws IOException {
        Path partial = run.file(JmhLauncher.PARTIAL_JSON);
        if (outcome.plansDone().isEmpty() || !Files.isRegularFile(partial)) {
            return;
        }
        JmhRun measured = new JmhResultReader().read(partial);
        String table =
                new RunSummary(new Bootstrap(BootstrapSettings.DEFAULT))
                        .markdown(measured, ForkRounds.read(run.file(RunFolder.ROUNDS_JSON)));
        Path out = run.file(FILE);
        Files.writeString(
                out,
                header
                        + "**Paused, not finished**: "
                        + (outcome.resumed() + outcome.measured())
                        + " of "
                        + outcome.forks()
                        + " forks measured. The tables below hold only the plans finished so far ("
                        + String.join(", ", outcome.plansDone())
                        + "), from `"
                        + JmhLauncher.PARTIAL_JSON
                        + "`; no claim or gate is judged until the run is.\n\n"
                        + RunSessions.describe(RunSessions.read(run.dir()))
                        + table);
        console.println("the plans finished so far: " + out);
    }

    /**
     * Removes a paused stretch's summary once the run is complete.
     *
     * @throws IOException if it exists and cannot be deleted
     */
    static void remove(RunOutput run) throws IOException {
        Files.deleteIfExists(run.file(FILE));
    }
}
