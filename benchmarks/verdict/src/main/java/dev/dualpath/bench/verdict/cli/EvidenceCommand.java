package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.evidence.EvidenceReport;
import dev.dualpath.bench.verdict.evidence.EvidenceResult;
import dev.dualpath.bench.verdict.evidence.EvidenceSettings;
import dev.dualpath.bench.verdict.evidence.GateEvidence;
import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dualpath evidence}: show that the gate neither cries wolf nor misses a known slowdown. */
@Command(
        name = "evidence",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Evidence that the gate works, from runs of unchanged code: the forks of each series"
                    + " (pooled over",
            "every RUN given) are split at random into halves, --splits times, and each half is"
                    + " judged against",
            "the other (A/A: a FAIL is a false alarm) and against itself made --slowdown worse (a"
                    + " PASS is a miss",
            "declared safe; at least --min-detection must FAIL). Each kind of wrong verdict must"
                    + " come at a rate that",
            "agrees with the test's one-sided level, (1 - confidence) / 2: its Wilson interval"
                    + " reaches down to it.",
            "Needs series with >= --min-forks forks, e.g. one run with -f 10, or ten runs with -f"
                    + " 1."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:evidence shown",
            "1:false alarms or misses above the level, or too low detection",
            "2:usage or input error (including no series with enough forks)"
        })
public final class EvidenceCommand extends VerdictCommand {

    @Parameters(
            arity = "1..*",
            paramLabel = "RUN",
            description = "Run folders or JMH JSON files of the same code.")
    List<Path> runs;

    @Option(
            names = "--splits",
            defaultValue = "20",
            paramLabel = "N",
            description = "Random fork splits per series, >= 10 (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(
            names = "--slowdown",
            defaultValue = "0.10",
            paramLabel = "FRACTION",
            description = "Injected slowdown (default: ${DEFAULT-VALUE}).")
    double slowdown;

    @Option(
            names = "--min-forks",
            defaultValue = "10",
            paramLabel = "N",
            description = "Series with fewer pooled forks are skipped (default: ${DEFAULT-VALUE}).")
    int minForks;

    @Option(
            names = "--min-detection",
            defaultValue = "0.5",
            paramLabel = "FRACTION",
            description = "Share of injected slowdowns that must FAIL (default: ${DEFAULT-VALUE}).")
    double minDetection;

    @Option(
            names = "--min-effect",
            defaultValue = "0.05",
            paramLabel = "FRACTION",
            description = "Gate minimum effect under test (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Also write the Markdown evidence to FILE.")
    Path outFile;

    @Mixin StatsOptions stats;

    @Override
    protected ExitCode execute() throws IOException {
        List<JmhRun> read = runs.stream().map(p -> RunFolder.of(p).readRun()).toList();
        GateConfig gate =
                new GateConfig(
                        minEffect, List.of(), Set.of(GateConfig.ALLOC_NORM), stats.settings());
        EvidenceResult result =
                new GateEvidence(
                                new EvidenceSettings(
                                        splits, slowdown, minForks, minDetection, gate))
                        .evaluate(read);
        if (result.rows().isEmpty()) {
            throw new InputException(
                    runs.get(0),
                    "forks",
                    "no series has >= "
                            + minForks
                            + " forks across the runs given; run with more forks (-f) or pass"
                            + " several runs");
        }
        String md = EvidenceReport.markdown(result);
        out().print(md);
        out().flush();
        if (outFile != null) Files.writeString(outFile, md, StandardCharsets.UTF_8);
        return result.passed() ? ExitCode.OK : ExitCode.FAILED;
    }
}
