package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.claims.ClaimResult;
import dev.dualpath.bench.verdict.claims.ClaimStatus;
import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.claims.Side;
import dev.dualpath.bench.verdict.gate.GateResult;
import dev.dualpath.bench.verdict.gate.GateRow;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.gate.RunSpread;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Markdown report ({@code report.md}), sized for a PR comment or {@code $GITHUB_STEP_SUMMARY}:
 * environment header, gate table, claims table with source quotes, and the run's measurements in a
 * collapsed block.
 */
public final class MarkdownReport implements ReportWriter {

    /** File name written. */
    public static final String FILE = "report.md";

    @Override
    public List<Path> write(VerdictReport report, Path outDir) throws IOException {
        return ReportWriter.writeText(outDir, FILE, render(report));
    }

    /** The whole report as Markdown text (also what the CLI prints). */
    public String render(VerdictReport r) {
        StringBuilder md = new StringBuilder("# dualpath verdict\n\n");
        header(md, r);
        r.gate().ifPresent(g -> gate(md, g, r));
        r.claims().ifPresent(c -> claims(md, c, r));
        r.claims().ifPresent(c -> sdkPatterns(md, c, r));
        measurements(md, r);
        return md.toString();
    }

    private static void header(StringBuilder md, VerdictReport r) {
        RunEnvironment e = r.environment();
        md.append("| | |\n|---|---|\n");
        row(
                md,
                "JVM",
                e.jvm()
                        + (RunEnvironment.UNKNOWN.equals(e.jvmVersion())
                                ? ""
                                : " " + e.jvmVersion()));
        row(md, "OS", e.os());
        row(md, "CPUs", e.cpus());
        row(md, "Date", e.date());
        row(md, "Git commit", e.gitCommit());
        row(md, "Profile", e.profile());
        if (!RunEnvironment.UNKNOWN.equals(e.cpuWake())) {
            row(md, "Idle CPUs", e.cpuWake());
        }
        row(md, "Run", Fmt.shortPath(r.run().file()));
        r.baseline().ifPresent(b -> row(md, "Baseline", Fmt.shortPath(b)));
        row(md, "Statistics", ReportText.statistics(r.bootstrap()));
        md.append('\n');
        for (String caution : r.cautions()) {
            md.append("**Caution:** ").append(caution).append("\n\n");
        }
    }

    private static void gate(StringBuilder md, GateResult g, VerdictReport r) {
        md.append("## Gate: ")
                .append(g.count(GateVerdict.FAIL))
                .append(" FAIL, ")
                .append(g.count(GateVerdict.PASS))
                .append(" PASS, ")
                .append(g.count(GateVerdict.INCONCLUSIVE))
                .append(" INCONCLUSIVE\n\n");
        long disturbed = g.rows().stream().filter(GateRow::disturbed).count();
        if (disturbed > 0) {
            md.append("**")
                    .append(disturbed)
                    .append(
                            " series were not judged:** forks of theirs were measured on a"
                                    + " disturbed")
                    .append(" machine (other processes' CPU, steal or a slowed calibration loop)")
                    .append(" or while their JIT was still compiling; their notes say which run")
                    .append(" and how. Run again on a quiet machine, or with a longer warm-up, to")
                    .append(" judge them.\n\n");
        }
        long spread = g.withSpread();
        if (spread > 0) {
            md.append("**Judged against a baseline from another occasion:** ")
                    .append(spread)
                    .append(" series have their run-to-run spread added to their variance (")
                    .append(g.spread().runs().size())
                    .append(" runs of the same code on this machine, `")
                    .append(RunSpread.FILE_NAME)
                    .append(
                            "`), so a day on which the machine ran slower does not FAIL, and a row"
                                    + " that no number of forks would decide says so. To judge a"
                                    + " change, measure both builds in one job: `dualpath compare"
                                    + " --base REF`.\n\n");
        }
        md.append("| Verdict | Benchmark | Unit | Baseline | Current | Change | ")
                .append(ReportText.confidenceLabel(r.bootstrap()))
                .append(" | Min effect | MDE | p (Holm) | Units | Note |\n");
        md.append("|---|---|---|---:|---:|---:|---|---:|---:|---:|---|---|\n");
        for (GateRow row : g.rows()) {
            md.append("| ")
                    .append(ReportText.gateVerdict(row))
                    .append(" | ")
                    .append(cell(row.id().display()))
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(Fmt.num(row.baseline().mean()))
                    .append(" | ")
                    .append(Fmt.num(row.current().mean()))
                    .append(" | ")
                    .append(Fmt.pct(row.change()))
                    .append(" | ")
                    .append(ReportText.ratioInterval(row))
                    .append(" | ")
                    .append(Fmt.share(row.minEffect()))
                    .append(" | ")
                    .append(Fmt.share(row.minDetectableEffect()))
                    .append(" | ")
                    .append(ReportText.adjustedP(row))
                    .append(" | ")
                    .append(ReportText.units(row))
                    .append(" | ")
                    .append(cell(row.note()))
                    .append(" |\n");
        }
        md.append('\n');
        list(md, "Missing from the current run", g.missing());
        list(md, "New in the current run", g.added());
        if (!g.renamed().isEmpty()) {
            md.append("**Probably renamed** (not compared):\n\n");
            g.renamed()
                    .forEach(
                            rn ->
                                    md.append("- ")
                                            .append(cell(rn.from().display()))
                                            .append(" -> ")
                                            .append(cell(rn.to().display()))
                                            .append('\n'));
            md.append('\n');
        }
        md.append(
                "Change = ratio of the geometric means of the fork means - 1. FAIL: the one-sided"
                        + " test of no regression is rejected after Holm's correction within its"
                        + " family (primary or secondary metrics) and the change is at least the"
                        + " minimum effect; PASS: the interval rules out a regression of the"
                        + " minimum effect; INCONCLUSIVE rows say how many forks per side would"
                        + " decide them. MDE: the regression this data detects with 80 % power."
                        + "\n\n");
    }

    /** ", N NOT MEASURED (…)" when any claim was not measured by this run's profile; else "". */
    private static String notMeasured(ClaimsResult c) {
        long n = c.count(ClaimStatus.NOT_MEASURED);
        return n == 0 ? "" : ", " + n + " NOT MEASURED (their data comes from another profile)";
    }

    private static void claims(StringBuilder md, ClaimsResult c, VerdictReport r) {
        md.append("## Claims: ")
                .append(c.count(ClaimStatus.HOLDS))
                .append(" HOLDS, ")
                .append(c.count(ClaimStatus.FAILS))
                .append(" FAILS, ")
                .append(c.count(ClaimStatus.INCONCLUSIVE))
                .append(" INCONCLUSIVE")
                .append(notMeasured(c))
                .append("\n\n");
        md.append("Claims file: ")
                .append(Fmt.shortPath(c.claimsFile()))
                .append(". Python stdlib replay: ")
                .append(c.python())
                .append(". Python real SDK: ")
                .append(c.sdk().describe())
                .append(".\n\n");
        claimsBySide(md, c, r);
        md.append("<details><summary>Every check with its inputs</summary>\n\n");
        md.append("| Claim | Subject | Side | Status | Measured | ")
                .append(ReportText.confidenceLabel(r.bootstrap()))
                .append(" | Claimed | Inputs | Note |\n|---|---|---|---|---:|---|---|---|---|\n");
        Set<String> absolute = new LinkedHashSet<>();
        for (ClaimResult res : c.results()) {
            ConfidenceInterval v = res.value();
            if (res.claim().absolute()) absolute.add(res.claim().id());
            md.append("| ")
                    .append(res.claim().id())
                    .append(res.claim().absolute() ? " \u2020" : "")
                    .append(" | ")
                    .append(res.subject().isEmpty() ? "-" : res.subject())
                    .append(" | ")
                    .append(res.side().label())
                    .append(" | ")
                    .append(res.status())
                    .append(" | ")
                    .append(Fmt.num(v.point()))
                    .append(' ')
                    .append(res.claim().unit())
                    .append(" | ")
                    .append(Fmt.interval(v.lower(), v.upper()))
                    .append(" | ")
                    .append(ReportText.claimed(res.claim()))
                    .append(" | ")
                    .append(cell(ReportText.inputs(res)))
                    .append(" | ")
                    .append(cell(res.reason()))
                    .append(" |\n");
        }
        md.append("\n</details>\n");
        md.append('\n');
        if (!absolute.isEmpty())
            md.append("\u2020 ")
                    .append(ReportText.absoluteNote())
                    .append(" Times in ms per call.\n\n");
        md.append("Sources (quoted from the original write-up):\n\n");
        Set<String> seen = new LinkedHashSet<>();
        for (ClaimResult res : c.results()) {
            if (seen.add(res.claim().id())) {
                md.append("- `")
                        .append(res.claim().id())
                        .append("`: ")
                        .append(res.claim().statement())
                        .append(" Source: \"")
                        .append(cell(res.claim().source().strip()))
                        .append("\"\n");
            }
        }
        md.append('\n');
    }

    /**
     * One row per claim and subject, one column per side: the status with the measured value and
     * its interval, or a dash where the claim has no such side.
     */
    private static void claimsBySide(StringBuilder md, ClaimsResult c, VerdictReport r) {
        Map<String, Map<Side, ClaimResult>> rows = new LinkedHashMap<>();
        for (ClaimResult res : c.results()) {
            rows.computeIfAbsent(
                            res.claim().id() + "\u0000" + res.subject(),
                            k -> new EnumMap<>(Side.class))
                    .put(res.side(), res);
        }
        md.append("| Claim | Subject | Claimed");
        for (Side side : Side.values()) {
            md.append(" | ").append(side.label());
        }
        md.append(" |\n|---|---|---");
        md.append("|---".repeat(Side.values().length)).append("|\n");
        for (Map<Side, ClaimResult> row : rows.values()) {
            ClaimResult first = row.values().iterator().next();
            md.append("| ")
                    .append(first.claim().id())
                    .append(first.claim().absolute() ? " \u2020" : "")
                    .append(" | ")
                    .append(first.subject().isEmpty() ? "-" : first.subject())
                    .append(" | ")
                    .append(ReportText.claimed(first.claim()));
            for (Side side : Side.values()) {
                ClaimResult res = row.get(side);
                md.append(" | ").append(res == null ? "-" : cell(sideCell(res)));
            }
            md.append(" |\n");
        }
        md.append("\nEach cell: status, measured value and its ")
                .append(ReportText.confidenceLabel(r.bootstrap()))
                .append("; an INCONCLUSIVE cell without a value says why.\n\n");
    }

    private static String sideCell(ClaimResult res) {
        ConfidenceInterval v = res.value();
        if (Double.isNaN(v.point())) {
            return res.status() + (res.reason().isEmpty() ? "" : ": " + res.reason());
        }
        return res.status()
                + " "
                + Fmt.num(v.point())
                + " "
                + res.claim().unit()
                + " "
                + Fmt.interval(v.lower(), v.upper());
    }

    private static void sdkPatterns(StringBuilder md, ClaimsResult c, VerdictReport r) {
        c.sdk()
                .replay()
                .ifPresent(
                        replay ->
                                md.append("## The write-up's patterns on the real Python SDK\n\n")
                                        .append(
                                                SdkReplayTable.markdown(
                                                        replay, new Bootstrap(r.bootstrap())))
                                        .append('\n'));
    }

    private static void measurements(StringBuilder md, VerdictReport r) {
        Bootstrap bootstrap = new Bootstrap(r.bootstrap());
        md.append("<details><summary>Measurements (")
                .append(r.run().measurements().size())
                .append(" series)</summary>\n\n| Benchmark | Unit | Mean | ")
                .append(ReportText.confidenceLabel(r.bootstrap()))
                .append(" | Units | JMH score +- error |\n|---|---|---:|---|---|---|\n");
        for (Measurement m : r.run().measurements()) {
            ConfidenceInterval ci = bootstrap.mean(m.units().values());
            md.append("| ")
                    .append(cell(m.id().display()))
                    .append(" | ")
                    .append(m.unit())
                    .append(" | ")
                    .append(Fmt.num(m.units().mean()))
                    .append(" | ")
                    .append(Fmt.interval(ci.lower(), ci.upper()))
                    .append(" | ")
                    .append(m.units().size())
                    .append(' ')
                    .append(m.units().basis().label())
                    .append(" | ")
                    .append(Fmt.num(m.score()))
                    .append(" +- ")
                    .append(Fmt.num(m.scoreError()))
                    .append(" |\n");
        }
        md.append("\n</details>\n");
    }

    private static void list(StringBuilder md, String title, List<BenchmarkId> ids) {
        if (ids.isEmpty()) return;
        md.append("**").append(title).append("** (not compared):\n\n");
        ids.forEach(id -> md.append("- ").append(cell(id.display())).append('\n'));
        md.append('\n');
    }

    private static void row(StringBuilder md, String k, String v) {
        md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
