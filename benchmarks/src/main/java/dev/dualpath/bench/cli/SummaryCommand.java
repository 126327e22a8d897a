package dev.dualpath.bench.cli;

import dev.dualpath.bench.run.RunSummary;
import dev.dualpath.bench.verdict.cli.ExitCode;
import dev.dualpath.bench.verdict.cli.VerdictCommand;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dualpath summary}: writes a run folder's {@code summary.md} again from its {@code
 * jmh.json}, as {@code run} writes it at the end, e.g. after a newer dualpath added a table.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Write RUN/summary.md again from RUN/jmh.json (and the profile in RUN/env.json), as"
                    + " 'dualpath run' writes it",
            "at its end: the strategy table and the sections that apply to the run. Prints it too."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:the run folder or its jmh.json is missing or malformed"})
final class SummaryCommand extends VerdictCommand {

    @Option(
            names = "--run",
            required = true,
            paramLabel = "DIR",
            description = "Run folder holding jmh.json (and env.json).")
    Path run;

    @Override
    protected ExitCode execute() throws IOException {
        RunFolder folder = RunFolder.of(run);
        JmhRun measured = folder.readRun();
        RunEnvironment env = folder.readEnvironment(measured);
        String table =
                new RunSummary(new Bootstrap(BootstrapSettings.DEFAULT))
                        .markdown(measured, folder.readRounds());
        // A run made before env.json had cpuWake says nothing about it, rather than "unknown".
        String header =
                RunEnvironment.UNKNOWN.equals(env.cpuWake())
                        ? RunSummary.header(env.profile())
                        : RunSummary.header(env.profile(), env.cpuWake());
        Files.writeString(folder.folder().resolve("summary.md"), header + table);
        out().println(table);
        return ExitCode.OK;
    }
}
