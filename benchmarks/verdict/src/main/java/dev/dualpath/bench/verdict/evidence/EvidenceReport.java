package dev.dualpath.bench.verdict.evidence;

import dev.dualpath.bench.verdict.report.Fmt;
import dev.dualpath.bench.verdict.stats.Wilson;
import java.util.Locale;
import java.util.function.Function;

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
                            + " against itself): a FAIL is a false alarm. Sensitivity: one half"
                            + " made %s worse; a PASS is a miss declared safe, and at least %s of"
                            + " these must FAIL. Each kind of wrong verdict must come at a rate"
                            + " that agrees with the one-sided level of the judge's test, %s: the"
                            + " rate's %s Wilson interval must reach down to it. Minimum effect"
                            + " %s.%n%n",
                        s.splits(),
                        Fmt.share(s.slowdown()),
                        Fmt.share(s.minDetection()),
                        Fmt.share(r.designedLevel()),
                        Fmt.share(s.gate().bootstrap().confidence()),
                        Fmt.share(s.gate().minEffect())));
        md.append(
                String.format(
                        Locale.ROOT,
                        "False alarms (A/A FAIL): %s. Injected slowdowns judged PASS: %s. "
                                + "Injected slowdowns caught: %s.%n%n",
                        wrongVerdicts(
                                r, EvidenceResult::falseAlarmRate, r.falseAlarmsWithinLevel()),
                        wrongVerdicts(r, EvidenceResult::missRate, r.missesWithinLevel()),
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
    private static String wrongVerdicts(
            EvidenceResult r, Function<EvidenceResult, Wilson> rate, boolean within) {
        if (r.rows().isEmpty()) return "no series judged";
        Wilson w = rate.apply(r);
        return String.format(
                Locale.ROOT,
                "%d of %d judgements = %s [%s, %s], %s",
                w.successes(),
                w.trials(),
                Fmt.share(w.rate()),
                Fmt.share(w.lower()),
                Fmt.share(w.upper()),
                within ? "within the level" : "ABOVE the level");
    }
}
