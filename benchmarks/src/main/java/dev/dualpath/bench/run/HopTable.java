package dev.dualpath.bench.run;

import dev.dualpath.bench.HandOff;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each microsecond of an async call goes ({@code AsyncHopsBenchmark}): per transport, each
 * path's mean call time beside the mean of every hand-off it made ({@code hop.*} metrics, in the
 * order a call passes them), and what the hops do not account for; and, for a hop only some calls
 * made (a branch), how often they made it.
 */
final class HopTable {

    static final String HOPS = "AsyncHopsBenchmark.call";
    static final String PREFIX = HandOff.METRIC_PREFIX;

    /** The section, or "" when the run has no hop series. */
    String markdown(RunIndex index) {
        List<Measurement> rows = index.primaries(HOPS);
        if (rows.isEmpty()) {
            return "";
        }
        List<String> ordered = order(secondaries(index, PREFIX));
        List<String> shares = order(secondaries(index, HandOff.SHARE_PREFIX));
        StringBuilder md =
                new StringBuilder("### Where the time goes (AsyncHopsBenchmark, µs per call)\n\n");
        md.append("| setting | path | call mean | p50");
        ordered.forEach(h -> md.append(" | ").append(h.substring(PREFIX.length())));
        md.append(" | not in a hop");
        shares.forEach(
                h ->
                        md.append(" | calls with ")
                                .append(h.substring(HandOff.SHARE_PREFIX.length())));
        md.append(" |\n|---|---|---:|---:");
        ordered.forEach(h -> md.append("|---:"));
        md.append("|---:");
        shares.forEach(h -> md.append("|---:"));
        md.append("|\n");
        RunIndex.groupWithout(rows, StrategyTable.PATH)
                .forEach(
                        (params, group) ->
                                group.forEach(
                                        m -> md.append(row(index, params, m, ordered, shares))));
        md.append(
                "\nEach hop runs from one stamped point to the next, on the thread that reaches"
                        + " it: submit (encode, hand to the transport), exchange (until the"
                        + " transport's own thread completes its future), dispatch (until the"
                        + " continuation starts on its executor), continuation (parse, complete the"
                        + " caller's future), wake (until the caller runs again); the per-call loop"
                        + " adds create, threadStart and close. Each hop is a mean over every call,"
                        + " a call that skipped it counting 0, so the hops add up to the call; a"
                        + " hop only some calls made (the executor's dispatch, when the exchange"
                        + " ended before the caller waited) has its share of calls in a column of"
                        + " its own. A negative mean means two CPUs overlapped there.\n\n");
        return md.toString();
    }

    /** The names of this benchmark's secondary metrics that start with {@code prefix}. */
    private static Set<String> secondaries(RunIndex index, String prefix) {
        Set<String> found = new LinkedHashSet<>();
        for (Measurement secondary : index.run().measurements()) {
            String name = secondary.id().secondary();
            if (name != null
                    && name.startsWith(prefix)
                    && secondary.id().shortBenchmark().equals(HOPS)) {
                found.add(name);
            }
        }
        return found;
    }

    private static String row(
            RunIndex index,
            Map<String, String> params,
            Measurement m,
            List<String> hops,
            List<String> shares) {
        StringBuilder r =
                new StringBuilder("| ")
                        .append(FloorTable.label(params))
                        .append(" | ")
                        .append(m.id().params().get(StrategyTable.PATH))
                        .append(" | ")
                        .append(StrategyTable.num(m.score()))
                        .append(" | ")
                        .append(
                                StrategyTable.num(
                                        m.percentiles().getOrDefault("50.0", Double.NaN)));
        double sum = 0;
        for (String hop : hops) {
            double v = index.secondary(m, hop);
            if (!Double.isNaN(v)) {
                sum += v;
            }
            r.append(" | ").append(StrategyTable.num(v));
        }
        r.append(" | ").append(StrategyTable.num(m.score() - sum));
        for (String share : shares) {
            double v = index.secondary(m, share);
            // A hop every call of this path made (or none) has no share metric: say which.
            String cell =
                    !Double.isNaN(v)
                            ? percent(v)
                            : Double.isNaN(index.secondary(m, PREFIX + tail(share))) ? "—" : "all";
            r.append(" | ").append(cell);
        }
        return r.append(" |\n").toString();
    }

    /**
     * A share as a percentage, with three decimals below 0.1 % so that a branch one call in
     * thousands took does not read as never.
     */
    static String percent(double share) {
        double pct = 100 * share;
        return String.format(Locale.ROOT, pct > 0 && pct < 0.1 ? "%.3f %%" : "%.1f %%", pct);
    }

    private static String tail(String shareMetric) {
        return shareMetric.substring(HandOff.SHARE_PREFIX.length());
    }

    /**
     * Metrics in the order a call passes their hops ({@link HandOff}'s), whichever of the two
     * prefixes they carry; unknown names last, as found.
     */
    static List<String> order(Set<String> found) {
        List<String> ordered = new ArrayList<>();
        for (HandOff point : HandOff.values()) {
            for (String k : List.of(point.metric(), point.shareMetric())) {
                if (found.contains(k)) {
                    ordered.add(k);
                }
            }
        }
        for (String f : found) {
            if (!ordered.contains(f)) {
                ordered.add(f);
            }
        }
        return ordered;
    }
}
