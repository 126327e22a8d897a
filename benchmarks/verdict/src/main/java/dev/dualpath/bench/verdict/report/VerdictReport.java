package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.gate.GateResult;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows; each writer renders the parts it supports. Every figure comes from the
 * files named here (the run, the baseline, the claims file, the .hgrm files).
 *
 * @param environment the current run's fingerprint (the header)
 * @param run the current run
 * @param baseline the baseline's JMH file, when a gate was run
 * @param gate the gate result, if any
 * @param claims the claims result, if any
 * @param hgrmFiles HdrHistogram percentile files to chart
 * @param bootstrap the statistics settings used
 * @param charts what the charts group by
 * @param cautions differences between the baseline's environment and this run's that move the
 *     figures by themselves ({@link EnvironmentCautions}); empty when none or no baseline
 */
public record VerdictReport(
        RunEnvironment environment,
        JmhRun run,
        Optional<Path> baseline,
        Optional<GateResult> gate,
        Optional<ClaimsResult> claims,
        List<Path> hgrmFiles,
        BootstrapSettings bootstrap,
        ChartOptions charts,
        List<String> cautions) {

    /** Freezes the lists. */
    public VerdictReport {
        hgrmFiles = List.copyOf(hgrmFiles);
        cautions = List.copyOf(cautions);
    }

    /** The worst exit code of the verdicts in the report (0 or 1). */
    public int exitCode(boolean failOnMissing) {
        int gateCode = gate.map(g -> g.exitCode(failOnMissing)).orElse(0);
        int claimsCode = claims.map(ClaimsResult::exitCode).orElse(0);
        return Math.max(gateCode, claimsCode);
    }
}
