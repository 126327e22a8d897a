package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.claims.SdkMetric;
import dev.dualpath.bench.verdict.claims.SdkReplay;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real-SDK replay as one Markdown table: per pattern, the median per-call time with its
 * interval over processes, the cost over the raw HTTP baseline, and what the time alone hides —
 * failed calls (and how they failed), TCP connections opened, event loops created.
 */
public final class SdkReplayTable {

    /** The baseline pattern the other patterns' cost is taken over. */
    public static final String BASELINE = "raw_http";

    private SdkReplayTable() {}

    /** The table with a header line naming the replay and how its figures are made. */
    public static String markdown(SdkReplay replay, Bootstrap bootstrap) {
        String ci = ReportText.confidenceLabel(bootstrap.settings());
        StringBuilder md = new StringBuilder();
        SdkReplay.Pattern any = replay.patterns().values().iterator().next();
        md.append("Python ")
                .append(replay.python())
                .append(", ")
                .append(
                        replay.packages().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")))
                .append("; ")
                .append(replay.cpuCount())
                .append(" CPUs; ")
                .append(replay.date())
                .append("; ")
                .append(any.forks().size())
                .append(" processes, patterns interleaved in shuffled blocks (")
                .append(Fmt.shortPath(replay.file()))
                .append(
                        "). Median: the mean of the processes' median per-call times over the"
                                + " calls")
                .append(" that succeeded, with its ")
                .append(ci)
                .append(" over processes.\n\n");
        md.append("| pattern | median ms | ")
                .append(ci)
                .append(" | over ")
                .append(BASELINE)
                .append(", ms [")
                .append(ci)
                .append("] | calls | failed | connections opened | event loops / call | what |\n")
                .append("|---|---:|---|---|---:|---:|---:|---:|---|\n");
        SdkReplay.Pattern baseline = replay.patterns().get(BASELINE);
        for (SdkReplay.Pattern p : replay.patterns().values()) {
            Units median = p.units(SdkMetric.MEDIAN_MS);
            ConfidenceInterval m = bootstrap.mean(median.values());
            String over = "-";
            if (baseline != null && !p.name().equals(BASELINE)) {
                ConfidenceInterval d =
                        bootstrap.differenceOfMeans(
                                median.values(), baseline.units(SdkMetric.MEDIAN_MS).values());
                over = Fmt.num(d.point()) + " " + Fmt.interval(d.lower(), d.upper());
            }
            md.append("| `")
                    .append(p.name())
                    .append("` | ")
                    .append(Fmt.num(m.point()))
                    .append(" | ")
                    .append(Fmt.interval(m.lower(), m.upper()))
                    .append(" | ")
                    .append(over)
                    .append(" | ")
                    .append(p.calls())
                    .append(" | ")
                    .append(failed(p))
                    .append(" | ")
                    .append(p.connections())
                    .append(" | ")
                    .append(Fmt.num(p.calls() == 0 ? Double.NaN : (double) p.loops() / p.calls()))
                    .append(" | ")
                    .append(p.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        md.append('\n')
                .append("Times are of the calls that succeeded; a pattern with failed calls has no")
                .append(" cost to quote. Connections are counted by the stub (TCP connections")
                .append(" accepted while the pattern's blocks ran); `direct` and `seed_literal`")
                .append(" share one cached sync client, so its connection is counted for whichever")
                .append(" ran first.\n");
        return md.toString();
    }

    private static String failed(SdkReplay.Pattern p) {
        if (p.failures() == 0) {
            return "0";
        }
        Map.Entry<String, Long> top = p.errors().entrySet().iterator().next();
        return "**"
                + p.failures()
                + "** ("
                + top.getKey().replace("|", "\\|")
                + (p.errors().size() > 1 ? ", ..." : "")
                + ")";
    }
}
