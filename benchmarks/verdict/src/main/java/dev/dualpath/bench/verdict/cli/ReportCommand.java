package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.claims.ClaimChecker;
import dev.dualpath.bench.verdict.claims.ClaimsFileReader;
import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.gate.Gate;
import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.gate.GateResult;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.report.ChartOptions;
import dev.dualpath.bench.verdict.report.EnvironmentCautions;
import dev.dualpath.bench.verdict.report.ReportFormat;
import dev.dualpath.bench.verdict.report.VerdictReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dualpath report}: every report format for one run, with gate and claims if asked. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Write the reports of one run: Markdown, JSON, JUnit XML and charts (overhead per"
                    + " strategy with its",
            "interval, latency against injected delay, HdrHistogram percentile curves from .hgrm"
                    + " files).",
            "With --baseline it includes the gate; with --claims, the claims check."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written, no FAIL",
            "1:written, and the gate found a regression or a claim FAILS",
            "2:usage or input error"
        })
public final class ReportCommand extends VerdictCommand {

    @Option(
            names = "--run",
            required = true,
            paramLabel = "RUN",
            description = "Run folder or JMH JSON file.")
    Path run;

    @Option(
            names = "--baseline",
            paramLabel = "RUN",
            description = "Baseline to gate against (optional).")
    Path baseline;

    @Option(
            names = "--claims",
            paramLabel = "FILE",
            description = "Claims file to check (optional).")
    Path claims;

    @Mixin MinEffectOptions effects;

    @Option(
            names = "--strategy-param",
            defaultValue = "path",
            paramLabel = "NAME",
            description =
                    "@Param holding the strategy, for the overhead chart (default:"
                            + " ${DEFAULT-VALUE}).")
    String strategyParam;

    @Option(
            names = "--overhead-baseline",
            defaultValue = "RAW_BLOCKING",
            paramLabel = "VALUE[,STRATEGY=VALUE...]",
            split = ",",
            description =
                    "Strategy the overhead is measured against, then per-strategy exceptions "
                            + "(default: RAW_BLOCKING,INVOKE_ASYNC=RAW_ASYNC).")
    List<String> overheadBaseline =
            new ArrayList<>(List.of("RAW_BLOCKING", "INVOKE_ASYNC=RAW_ASYNC"));

    @Option(
            names = "--delay-param",
            defaultValue = "delayMs",
            paramLabel = "NAME",
            description = "@Param holding the injected delay in ms (default: ${DEFAULT-VALUE}).")
    String delayParam;

    @Mixin PythonOptions python;
    @Mixin StatsOptions stats;
    @Mixin RunSpreadOption runSpread;
    @Mixin OutputOptions output;

    @Override
    protected ExitCode execute() throws IOException {
        RunFolder folder = RunFolder.of(run);
        JmhRun current = folder.readRun();
        RunEnvironment env = folder.readEnvironment(current).withGitCommit(output.gitCommit);
        Optional<RunFolder> baseFolder = Optional.ofNullable(baseline).map(RunFolder::of);
        Optional<JmhRun> base = baseFolder.map(RunFolder::readRun);
        List<String> cautions =
                baseFolder
                        .map(
                                f ->
                                        EnvironmentCautions.between(
                                                f.readEnvironment(base.orElseThrow()),
                                                base.orElseThrow(),
                                                env,
                                                current))
                        .orElse(List.of());
        GateConfig gateConfig =
                new GateConfig(
                        effects.minEffect,
                        effects.parsedOverrides(),
                        Set.of(GateConfig.ALLOC_NORM),
                        stats.settings());
        Optional<GateResult> gate =
                base.map(
                        b ->
                                new Gate(gateConfig, runSpread.resolve(baseFolder.orElseThrow()))
                                        .compare(b, current));
        Optional<ClaimsResult> checked =
                Optional.ofNullable(claims)
                        .map(
                                c ->
                                        new ClaimChecker(stats.settings())
                                                .check(
                                                        new ClaimsFileReader().read(c),
                                                        current,
                                                        env,
                                                        python.source(folder, err()),
                                                        python.sdkSource(folder)));
        VerdictReport report =
                new VerdictReport(
                        env,
                        current,
                        base.map(JmhRun::file),
                        gate,
                        checked,
                        folder.hgrmFiles(),
                        stats.settings(),
                        chartOptions(),
                        cautions);
        Reports.emit(report, output, List.of(ReportFormat.values()), folder.folder(), out(), err());
        return ExitCode.ofVerdict(report.exitCode(false));
    }

    private ChartOptions chartOptions() {
        String defaultBaseline = null;
        Map<String, String> exceptions = new LinkedHashMap<>();
        for (String s : overheadBaseline) {
            int eq = s.indexOf('=');
            if (eq < 0) defaultBaseline = s;
            else exceptions.put(s.substring(0, eq), s.substring(eq + 1));
        }
        if (defaultBaseline == null)
            throw new IllegalArgumentException("--overhead-baseline needs a VALUE without '='");
        return new ChartOptions(strategyParam, defaultBaseline, exceptions, delayParam);
    }
}
