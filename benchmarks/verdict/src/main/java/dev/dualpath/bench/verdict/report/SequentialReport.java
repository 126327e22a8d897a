package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.sequential.Scale;
import dev.dualpath.bench.verdict.sequential.SeriesOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown of an interleaved, sequential comparison: a header (what was compared, on what, with
 * which flags), one row per series and metric, and what the machine did (blocks set aside as
 * disturbed, and why).
 */
public final class SequentialReport {

    private SequentialReport() {}

    /**
     * Returns the Markdown.
     *
     * @param title the heading
     * @param header key/value lines for the header table, in order
     * @param series the outcome per series
     * @param summary one sentence under the heading (e.g. how the session ended)
     * @return the Markdown
     */
    public static String markdown(
            String title, Map<String, String> header, List<SeriesOutcome> series, String summary) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("| | |\n|---|---|\n");
        header.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
        long fail = count(series, GateVerdict.FAIL);
        long pass = count(series, GateVerdict.PASS);
        long inconclusive = count(series, GateVerdict.INCONCLUSIVE);
        md.append("\n## ")
                .append(fail)
                .append(" FAIL, ")
                .append(pass)
                .append(" PASS, ")
                .append(inconclusive)
                .append(" INCONCLUSIVE\n\n")
                .append(summary)
                .append("\n\n");
        md.append(
                "| Verdict | Series | Metric | Change (head vs base) | 95 % anytime interval |"
                        + " Min effect | Blocks | Note |\n");
        md.append("|---|---|---|---:|---|---:|---:|---|\n");
        for (SeriesOutcome o : series) {
            for (SeriesOutcome.MetricOutcome m : o.metrics()) {
                md.append("| ")
                        .append(m.verdict())
                        .append(" | ")
                        .append(cell(o.series()))
                        .append(" | ")
                        .append(m.spec().name())
                        .append(" | ")
                        .append(change(m, m.change()))
                        .append(" | [")
                        .append(change(m, m.lower()))
                        .append(", ")
                        .append(change(m, m.upper()))
                        .append("] | ")
                        .append(minEffect(m))
                        .append(" | ")
                        .append(m.blocks())
                        .append(" | ")
                        .append(cell(note(m)))
                        .append(" |\n");
            }
        }
        md.append('\n');
        for (SeriesOutcome o : series) {
            md.append(
                    String.format(
                            Locale.ROOT,
                            "- %s: %d blocks judged, %d set aside as disturbed, %.1f min.%n",
                            o.series(),
                            o.blocks(),
                            o.discarded(),
                            o.seconds() / 60));
            o.disturbances().stream()
                    .distinct()
                    .limit(5)
                    .forEach(d -> md.append("  - disturbed: ").append(cell(d)).append('\n'));
        }
        md.append(
                "\nChange: worse is positive (a slowdown, more bytes); relative metrics in %,"
                        + " absolute ones (threads, context switches per call) in their unit. The"
                        + " interval is the last planned look's (at a quarter, half and three"
                        + " quarters of the budget, and when the comparison stopped), or, before"
                        + " the first look, an anytime confidence sequence checked after every"
                        + " block. Each metric's error rate is split between the two, and the"
                        + " family-wise false-alarm rate over all metrics between the metrics, so"
                        + " both stay valid however the comparison stops. A block with a fork"
                        + " measured on a disturbed machine is set aside, never judged.\n");
        return md.toString();
    }

    private static long count(List<SeriesOutcome> series, GateVerdict v) {
        return series.stream()
                .flatMap(o -> o.metrics().stream())
                .filter(m -> m.verdict() == v)
                .count();
    }

    private static String note(SeriesOutcome.MetricOutcome m) {
        if (m.verdict() != GateVerdict.INCONCLUSIVE || m.blocksToDecide() <= 0) return m.note();
        String plan =
                m.blocksToDecide() >= Integer.MAX_VALUE
                        ? "more blocks would not decide it at this noise"
                        : "about " + m.blocksToDecide() + " more blocks would decide it";
        return m.note().isEmpty() ? plan : m.note() + "; " + plan;
    }

    private static String change(SeriesOutcome.MetricOutcome m, double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "+inf" : "-inf";
        return m.spec().scale() == Scale.RELATIVE
                ? Fmt.pct(v)
                : String.format(Locale.ROOT, "%+.4g", v);
    }

    private static String minEffect(SeriesOutcome.MetricOutcome m) {
        return m.spec().scale() == Scale.RELATIVE
                ? Fmt.share(m.spec().minEffect())
                : String.format(Locale.ROOT, "%.4g", m.spec().minEffect());
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
