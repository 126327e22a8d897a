package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.claims.ClaimChecker;
import dev.dualpath.bench.verdict.claims.ClaimsFile;
import dev.dualpath.bench.verdict.claims.ClaimsFileReader;
import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.report.ChartOptions;
import dev.dualpath.bench.verdict.report.VerdictReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dualpath claims}: check the write-up's claims against one run. */
@Command(
        name = "claims",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Check a claims file against one run: each claim on each subject, as measured for the"
                    + " original",
            "Python asyncio pattern (python-replay.json) and for the Java port (jmh.json), HOLDS /"
                    + " FAILS / INCONCLUSIVE (or NOT_MEASURED: its profile did not run)",
            "with the measured value and its confidence interval."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no claim FAILS",
            "1:a claim FAILS",
            "2:usage or input error (missing file, malformed JSON, "
                    + "a claim naming a benchmark the run lacks)"
        })
public final class ClaimsCommand extends VerdictCommand {

    @Option(
            names = "--run",
            required = true,
            paramLabel = "RUN",
            description = "Run folder or JMH JSON file.")
    Path run;

    @Option(
            names = "--claims",
            defaultValue = "results/claims.json",
            paramLabel = "FILE",
            description = "Claims file (default: ${DEFAULT-VALUE}).")
    Path claims;

    @Mixin PythonOptions python;
    @Mixin StatsOptions stats;
    @Mixin OutputOptions output;

    @Override
    protected ExitCode execute() throws IOException {
        RunFolder folder = RunFolder.of(run);
        JmhRun jmh = folder.readRun();
        RunEnvironment env = folder.readEnvironment(jmh).withGitCommit(output.gitCommit);
        ClaimsFile claimsFile = new ClaimsFileReader().read(claims);
        ClaimsResult result =
                new ClaimChecker(stats.settings())
                        .check(
                                claimsFile,
                                jmh,
                                env,
                                python.source(folder, err()),
                                python.sdkSource(folder));
        VerdictReport report =
                new VerdictReport(
                        env,
                        jmh,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(result),
                        List.of(),
                        stats.settings(),
                        ChartOptions.defaults(),
                        List.of());
        Reports.emit(report, output, Reports.TEXT_FORMATS, null, out(), err());
        return ExitCode.ofVerdict(result.exitCode());
    }
}
