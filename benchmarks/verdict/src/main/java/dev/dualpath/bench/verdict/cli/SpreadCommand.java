package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.gate.RunSpread;
import dev.dualpath.bench.verdict.gate.RunSpreadEstimator;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Estimates how far each series' run mean moves between runs of the same code on this machine, and
 * writes it where a gate against a committed baseline reads it ({@link RunSpread}).
 */
@Command(
        name = "spread",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:spread written", "2:usage or input error (fewer than 3 runs included)"},
        description = {
            "Estimate each series' run-to-run spread from runs of the same code on this machine"
                    + " (different hours or days), beyond their forks' own noise; write it as"
                    + " run-spread.json beside a baseline, where 'gate' and 'report' add it to"
                    + " every series' variance.",
            "Example: spread results/runs/a results/runs/b results/runs/c --out"
                    + " results/baseline/run-spread.json"
        })
public final class SpreadCommand extends VerdictCommand {

    @Parameters(
            arity = "3..*",
            paramLabel = "RUN",
            description = "Run folders or JMH JSON files, at least 3.")
    List<Path> runs = new ArrayList<>();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the spread (JSON).")
    Path out;

    @Option(
            names = "--secondary",
            split = ",",
            paramLabel = "METRIC",
            defaultValue = GateConfig.ALLOC_NORM,
            description =
                    "Secondary metrics to estimate besides the primaries, or 'none' (default:"
                            + " ${DEFAULT-VALUE}).")
    List<String> secondaries;

    @Override
    protected ExitCode execute() {
        List<RunSpreadEstimator.Run> read = new ArrayList<>();
        for (Path p : runs)
            read.add(new RunSpreadEstimator.Run(p.toString(), RunFolder.of(p).readRun()));
        Set<String> metrics = new LinkedHashSet<>(secondaries);
        metrics.remove("none");
        RunSpread spread = RunSpreadEstimator.estimate(read, metrics);
        if (spread.isEmpty()) {
            throw new IllegalArgumentException(
                    "no series is in " + RunSpread.MIN_RUNS + " or more of the runs given");
        }
        spread.write(out);
        out().println("| series | runs | run-to-run spread (1 sd) |");
        out().println("|---|---:|---:|");
        spread.series()
                .forEach(
                        (label, s) ->
                                out().printf(
                                                Locale.ROOT,
                                                "| %s | %d | ±%.1f %% |%n",
                                                label,
                                                s.runs(),
                                                Math.expm1(s.logSd()) * 100));
        out().println();
        out().println("Wrote " + out + " (" + spread.series().size() + " series).");
        return ExitCode.OK;
    }
}
