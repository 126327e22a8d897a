package dev.dualpath.bench.verdict.evidence;

import dev.dualpath.bench.verdict.report.Fmt;
import dev.dualpath.bench.verdict.stats.Wilson;
import java.util.Locale;

/** Renders an {@link EvidenceResult} as Markdown (Locale.ROOT numbers). */
public final class EvidenceReport {

    private EvidenceReport() {}

    /** The evidence as a Markdown section. */
    public static String markdown(EvidenceResult r) {
        EvidenceSettings s = r.settings();
        StringBuilder md =
                new StringBuilder("# Gate evidence: ")
                        .append(r.passed() ? "PASSED" : "NOT SHOWN")
                        .append("\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "%d random fork splits per series, each series judged alone. A/A (same code"
                            + " against itself): a FAIL is a false alarm, and the false alarms'"
                            + " rate must agree with the one-sided level of the judge's test (%s;"
                            + " the minimum effect makes the real rate lower): the %s Wilson"
                            + " interval of the rate must reach down to it. A %s injected slowdown"
                            + " must never PASS and must FAIL in at least %s of splits. Minimum"
                            + " effect %s.%n%n",
                        s.splits(),
                        Fmt.share(r.designedFalseAlarmLevel()),
                        Fmt.share(s.gate().bootstrap().confidence()),
                        Fmt.share(s.slowdown()),
                        Fmt.share(s.minDetection()),
                        Fmt.share(s.gate().minEffect())));
        md.append(
                String.format(
                        Locale.ROOT,
                        "False alarms (A/A FAIL): %s. Injected slowdowns judged PASS: %d. "
                                + "Injected slowdowns caught: %s.%n%n",
                        falseAlarms(r),
                        r.misses(),
                        Fmt.share(r.detection())));
        md.append(
                "| Benchmark | Forks | A/A FAIL | A/A PASS | A/A INCONCL. | Slow FAIL | Slow PASS |"
                        + " Slow INCONCL. | Caught | Median MDE |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (EvidenceResult.Row row : r.rows()) {
            md.append("| ")
                    .append(row.id().display().replace("|", "\\|"))
                    .append(" | ")
                    .append(row.forks())
                    .append(" | ")
                    .append(row.aaFail())
                    .append(" | ")
                    .append(row.aaPass())
                    .append(" | ")
                    .append(row.aaInconclusive())
                    .append(" | ")
                    .append(row.slowFail())
                    .append(" | ")
                    .append(row.slowPass())
                    .append(" | ")
                    .append(row.slowInconclusive())
                    .append(" | ")
                    .append(Fmt.share(row.detection()))
                    .append(" | ")
                    .append(Fmt.share(row.medianMde()))
                    .append(" |\n");
        }
        if (!r.skipped().isEmpty()) {
            md.append("\nSkipped:\n\n");
            r.skipped()
                    .forEach(
                            sk ->
                                    md.append("- ")
                                            .append(sk.id().display())
                                            .append(": ")
                                            .append(sk.reason())
                                            .append('\n'));
        }
        return md.toString();
    }

    /** "k of n judgements = rate [low, high], within the level" (or ABOVE it). */
    private static String falseAlarms(EvidenceResult r) {
        if (r.rows().isEmpty()) return "no series judged";
        Wilson w = r.falseAlarmRate();
        return String.format(
                Locale.ROOT,
                "%d of %d judgements = %s [%s, %s], %s",
                w.successes(),
                w.trials(),
                Fmt.share(w.rate()),
                Fmt.share(w.lower()),
                Fmt.share(w.upper()),
                r.falseAlarmsWithinLevel() ? "within the level" : "ABOVE the level");
    }
}
