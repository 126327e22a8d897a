package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.gate.Gate;
import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.gate.GateResult;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.report.ChartOptions;
import dev.dualpath.bench.verdict.report.EnvironmentCautions;
import dev.dualpath.bench.verdict.report.VerdictReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dualpath gate}: a current run against a baseline. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Compare a current JMH run with a baseline, series by series: per-fork means, bootstrap"
                    + " interval of",
            "the ratio current/baseline, verdict PASS / FAIL / INCONCLUSIVE with a minimum effect.",
            "RUN is a run folder (holding jmh.json, optional env.json) or a JMH JSON file."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression (PASS or INCONCLUSIVE)",
            "1:a regression (FAIL), or a missing series with --fail-on-missing",
            "2:usage or input error"
        })
public final class GateCommand extends VerdictCommand {

    @Option(
            names = "--baseline",
            required = true,
            paramLabel = "RUN",
            description = "Baseline run folder or JMH JSON.")
    Path baseline;

    @Option(
            names = "--current",
            required = true,
            paramLabel = "RUN",
            description = "Current run folder or JMH JSON.")
    Path current;

    @Mixin MinEffectOptions effects;

    @Option(
            names = "--secondary",
            split = ",",
            paramLabel = "METRIC",
            defaultValue = "gc.alloc.rate.norm",
            description =
                    "Secondary metrics to gate besides the primary, or 'none' (default:"
                            + " ${DEFAULT-VALUE}).")
    List<String> secondaries;

    @Option(
            names = "--fail-on-missing",
            description = "Exit 1 when a baseline series is missing from the current run.")
    boolean failOnMissing;

    @Mixin StatsOptions stats;
    @Mixin RunSpreadOption runSpread;
    @Mixin OutputOptions output;

    @Override
    protected ExitCode execute() throws IOException {
        GateConfig config = config();
        RunFolder baseFolder = RunFolder.of(baseline);
        RunFolder currentFolder = RunFolder.of(current);
        JmhRun baseRun = baseFolder.readRun();
        JmhRun currentRun = currentFolder.readRun();
        requireKnownSecondaries(config, baseRun, currentRun);
        RunEnvironment env =
                currentFolder.readEnvironment(currentRun).withGitCommit(output.gitCommit);
        GateResult result =
                new Gate(config, runSpread.resolve(baseFolder)).compare(baseRun, currentRun);
        List<String> cautions =
                EnvironmentCautions.between(
                        baseFolder.readEnvironment(baseRun), baseRun, env, currentRun);
        VerdictReport report =
                new VerdictReport(
                        env,
                        currentRun,
                        Optional.of(baseRun.file()),
                        Optional.of(result),
                        Optional.empty(),
                        List.of(),
                        config.bootstrap(),
                        ChartOptions.defaults(),
                        cautions);
        Reports.emit(report, output, Reports.TEXT_FORMATS, null, out(), err());
        return ExitCode.ofVerdict(result.exitCode(failOnMissing));
    }

    /**
     * A secondary metric the user named that neither run has is a typo, not a pass: without this
     * check the gate would silently gate nothing. The default applies only where present.
     */
    private void requireKnownSecondaries(GateConfig config, JmhRun base, JmhRun cur) {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--secondary")) return;
        Set<String> known = new java.util.TreeSet<>();
        for (JmhRun run : List.of(base, cur)) {
            run.measurements().stream()
                    .map(m -> m.id().secondary())
                    .filter(java.util.Objects::nonNull)
                    .forEach(known::add);
        }
        for (String name : config.secondaries()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        "--secondary: no series of either run has the secondary metric '"
                                + name
                                + "' (they have: "
                                + (known.isEmpty() ? "none" : String.join(", ", known))
                                + ")");
            }
        }
    }

    private GateConfig config() {
        Set<String> gated = new LinkedHashSet<>(secondaries);
        gated.remove("none");
        return new GateConfig(
                effects.minEffect, effects.parsedOverrides(), gated, stats.settings());
    }
}
