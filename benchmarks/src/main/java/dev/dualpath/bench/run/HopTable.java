package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each microsecond of an async call goes ({@code AsyncHopsBenchmark}): per transport, each
 * path's mean call time beside the mean of every hand-off it made ({@code hop.*} metrics, in the
 * order a call passes them), and what the hops do not account for.
 */
final class HopTable {

    static final String HOPS = "AsyncHopsBenchmark.call";
    static final String PREFIX = "hop.";

    /** The section, or "" when the run has no hop series. */
    String markdown(RunIndex index) {
        List<Measurement> rows = index.primaries(HOPS);
        if (rows.isEmpty()) {
            return "";
        }
        Set<String> hops = new LinkedHashSet<>();
        for (Measurement secondary : index.run().measurements()) {
            String name = secondary.id().secondary();
            if (name != null
                    && name.startsWith(PREFIX)
                    && secondary.id().shortBenchmark().equals(HOPS)) {
                hops.add(name);
            }
        }
        List<String> ordered = order(hops);
        StringBuilder md =
                new StringBuilder("### Where the time goes (AsyncHopsBenchmark, µs per call)\n\n");
        md.append("| setting | path | call mean | p50");
        ordered.forEach(h -> md.append(" | ").append(h.substring(PREFIX.length())));
        md.append(" | not in a hop |\n|---|---|---:|---:");
        ordered.forEach(h -> md.append("|---:"));
        md.append("|---:|\n");
        RunIndex.groupWithout(rows, StrategyTable.PATH)
                .forEach(
                        (params, group) ->
                                group.forEach(m -> md.append(row(index, params, m, ordered))));
        md.append(
                "\nEach hop runs from one stamped point to the next, on the thread that reaches"
                        + " it: submit (encode, hand to the transport), exchange (until the"
                        + " transport's own thread completes its future), dispatch (until the"
                        + " continuation starts on its executor), continuation (parse, complete the"
                        + " caller's future), wake (until the caller runs again); the per-call loop"
                        + " adds create, threadStart and close. A negative mean means two CPUs"
                        + " overlapped there.\n\n");
        return md.toString();
    }

    private static String row(
            RunIndex index, Map<String, String> params, Measurement m, List<String> hops) {
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
        return r.append(" | ").append(StrategyTable.num(m.score() - sum)).append(" |\n").toString();
    }

    /** Hops in the order a call passes them; unknown names last, as found. */
    static List<String> order(Set<String> found) {
        List<String> known =
                List.of(
                        "hop.create",
                        "hop.threadStart",
                        "hop.submit",
                        "hop.exchange",
                        "hop.dispatch",
                        "hop.continuation",
                        "hop.wake",
                        "hop.close");
        List<String> ordered = new ArrayList<>();
        for (String k : known) {
            if (found.contains(k)) {
                ordered.add(k);
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
