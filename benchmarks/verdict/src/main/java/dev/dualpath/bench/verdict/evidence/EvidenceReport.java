package dev.dualpath.bench.verdict.evidence;

import dev.dualpath.bench.verdict.report.Fmt;
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
                        "%d random fork splits per series; A/A (same code against itself) must give"
                            + " no FAIL; a %s injected slowdown must never PASS and must FAIL in at"
                            + " least %s of splits. Minimum effect %s.%n%n",
                        s.splits(),
                        Fmt.share(s.slowdown()),
                        Fmt.share(s.minDetection()),
                        Fmt.share(s.gate().minEffect())));
        md.append(
                String.format(
                        Locale.ROOT,
                        "False alarms (A/A FAIL): %d. Injected slowdowns judged PASS: %d. "
                                + "Injected slowdowns caught: %s.%n%n",
                        r.falseAlarms(),
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
}
