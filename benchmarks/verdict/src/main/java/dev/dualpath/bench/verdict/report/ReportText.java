package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.claims.Claim;
import dev.dualpath.bench.verdict.claims.ClaimResult;
import dev.dualpath.bench.verdict.gate.GateRow;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.util.Locale;
import java.util.stream.Collectors;

/** Phrases shared by the Markdown, JSON and JUnit writers, so they say the same thing. */
final class ReportText {

    private ReportText() {}

    static String statistics(BootstrapSettings b) {
        return String.format(
                Locale.ROOT,
                "forks are the units (iterations when a run has one fork); gate: ratio of the"
                        + " geometric means of fork means, %.0f %% t interval on the log scale"
                        + " (variance pooled, moderated across series), one-sided tests"
                        + " Holm-corrected within the primary and the secondary family; claims and"
                        + " measurements: %.0f %% expanded-percentile bootstrap, %d resamples, seed"
                        + " %d",
                b.confidence() * 100,
                b.confidence() * 100,
                b.resamples(),
                b.seed());
    }

    static String confidenceLabel(BootstrapSettings b) {
        return String.format(Locale.ROOT, "%.0f %% CI", b.confidence() * 100);
    }

    /** What values agree with the claim, e.g. {@code >= 90 x}, {@code 0.55 to 1.65 ms}. */
    static String claimed(Claim c) {
        double lo = c.low();
        double hi = c.high();
        String unit = " " + c.unit();
        if (Double.isInfinite(hi)) return ">= " + Fmt.num(lo) + unit;
        if (Double.isInfinite(lo)) return "<= " + Fmt.num(hi) + unit;
        return Fmt.num(lo) + " to " + Fmt.num(hi) + unit;
    }

    static String units(GateRow r) {
        return r.baseline().size() + "/" + r.current().size() + " " + r.current().basis().label();
    }

    static String ratioInterval(GateRow r) {
        if (!r.ratio().isDefined()) return "n/a";
        return "[" + Fmt.pct(r.ratio().lower() - 1) + ", " + Fmt.pct(r.ratio().upper() - 1) + "]";
    }

    /** The Holm-adjusted p-value, or a dash when the series was not tested. */
    static String adjustedP(GateRow r) {
        return Double.isNaN(r.adjustedP()) ? "-" : Fmt.p(r.adjustedP());
    }

    static String gateVerdict(GateRow r) {
        return r.verdict().name() + (r.improved() ? " (improved)" : "");
    }

    static String inputs(ClaimResult r) {
        return r.inputs().stream()
                .map(
                        i ->
                                i.name()
                                        + "="
                                        + Fmt.num(i.mean())
                                        + " ("
                                        + i.units()
                                        + " "
                                        + i.basis()
                                        + ")")
                .collect(Collectors.joining(", "));
    }

    static String absoluteNote() {
        return "An absolute figure from the original machine, evaluated on this machine's same-run"
                + " overhead.";
    }
}
