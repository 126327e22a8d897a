package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.claims.ClaimResult;
import dev.dualpath.bench.verdict.claims.ClaimStatus;
import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.gate.GateResult;
import dev.dualpath.bench.verdict.gate.GateRow;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * JUnit XML report ({@code junit.xml}) for CI test tabs: suite {@code gate} with one test case per
 * gated series (and a skipped one per missing series), suite {@code claims} with one per claim x
 * subject x side. FAIL/FAILS become {@code <failure>}, INCONCLUSIVE becomes {@code <skipped>} with
 * the reason.
 */
public final class JunitReport implements ReportWriter {

    /** File name written. */
    public static final String FILE = "junit.xml";

    @Override
    public List<Path> write(VerdictReport report, Path outDir) throws IOException {
        return ReportWriter.writeText(outDir, FILE, render(report));
    }

    /** The report as JUnit XML. */
    public String render(VerdictReport r) {
        StringBuilder x =
                new StringBuilder(
                        """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <testsuites name="dualpath verdict">
                        """);
        r.gate().ifPresent(g -> gate(x, g, r));
        r.claims().ifPresent(c -> claims(x, c, r));
        return x.append("</testsuites>\n").toString();
    }

    private static void gate(StringBuilder x, GateResult g, VerdictReport r) {
        int tests = g.rows().size() + g.missing().size();
        long skipped = g.count(GateVerdict.INCONCLUSIVE) + g.missing().size();
        suiteOpen(x, "gate", tests, g.count(GateVerdict.FAIL), skipped, r);
        for (GateRow row : g.rows()) {
            String detail =
                    "change "
                            + Fmt.pct(row.change())
                            + ", CI "
                            + ReportText.ratioInterval(row)
                            + ", min effect "
                            + Fmt.share(row.minEffect())
                            + ", MDE "
                            + Fmt.share(row.minDetectableEffect())
                            + ", p (Holm) "
                            + ReportText.adjustedP(row)
                            + ", units "
                            + ReportText.units(row)
                            + (row.note().isEmpty() ? "" : "; " + row.note());
            testcase(
                    x,
                    "gate." + row.id().shortBenchmark(),
                    row.id().display(),
                    switch (row.verdict()) {
                        case FAIL -> Outcome.FAILURE;
                        case INCONCLUSIVE -> Outcome.SKIPPED;
                        case PASS -> Outcome.PASSED;
                    },
                    row.verdict().name() + ": " + detail);
        }
        for (BenchmarkId id : g.missing()) {
            testcase(
                    x,
                    "gate." + id.shortBenchmark(),
                    id.display(),
                    Outcome.SKIPPED,
                    "missing from the current run");
        }
        x.append("  </testsuite>\n");
    }

    private static void claims(StringBuilder x, ClaimsResult c, VerdictReport r) {
        suiteOpen(
                x,
                "claims",
                c.results().size(),
                c.count(ClaimStatus.FAILS),
                c.count(ClaimStatus.INCONCLUSIVE) + c.count(ClaimStatus.NOT_MEASURED),
                r);
        for (ClaimResult res : c.results()) {
            String detail =
                    "measured "
                            + Fmt.num(res.value().point())
                            + " "
                            + res.claim().unit()
                            + ", CI "
                            + Fmt.interval(res.value().lower(), res.value().upper())
                            + ", claimed "
                            + ReportText.claimed(res.claim())
                            + (res.claim().absolute() ? " (" + ReportText.absoluteNote() + ")" : "")
                            + (res.reason().isEmpty() ? "" : "; " + res.reason())
                            + "; source: "
                            + res.claim().source().strip();
            testcase(
                    x,
                    "claims." + res.side().jsonKey(),
                    res.name(),
                    switch (res.status()) {
                        case FAILS -> Outcome.FAILURE;
                        case INCONCLUSIVE, NOT_MEASURED -> Outcome.SKIPPED;
                        case HOLDS -> Outcome.PASSED;
                    },
                    res.status().name() + ": " + detail);
        }
        x.append("  </testsuite>\n");
    }

    private enum Outcome {
        PASSED,
        FAILURE,
        SKIPPED
    }

    private static void suiteOpen(
            StringBuilder x,
            String name,
            long tests,
            long failures,
            long skipped,
            VerdictReport r) {
        RunEnvironment e = r.environment();
        x.append("  <testsuite name=\"")
                .append(name)
                .append("\" tests=\"")
                .append(tests)
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\">\n    <properties>\n");
        property(x, "jvm", e.jvm() + " " + e.jvmVersion());
        property(x, "cpus", e.cpus());
        property(x, "date", e.date());
        property(x, "gitCommit", e.gitCommit());
        property(x, "profile", e.profile());
        property(x, "run", Fmt.shortPath(r.run().file()));
        property(x, "statistics", ReportText.statistics(r.bootstrap()));
        x.append("    </properties>\n");
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"")
                .append(esc(name))
                .append("\" value=\"")
                .append(esc(value))
                .append("\"/>\n");
    }

    private static void testcase(
            StringBuilder x, String classname, String name, Outcome outcome, String message) {
        x.append("    <testcase classname=\"")
                .append(esc(classname))
                .append("\" name=\"")
                .append(esc(name))
                .append("\"");
        switch (outcome) {
            case PASSED ->
                    x.append(">\n      <system-out>")
                            .append(esc(message))
                            .append("</system-out>\n    </testcase>\n");
            case FAILURE ->
                    x.append(">\n      <failure message=\"")
                            .append(esc(message))
                            .append("\"/>\n    </testcase>\n");
            case SKIPPED ->
                    x.append(">\n      <skipped message=\"")
                            .append(esc(message))
                            .append("\"/>\n    </testcase>\n");
        }
    }

    private static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                default -> {
                    if (c >= 0x20 || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
