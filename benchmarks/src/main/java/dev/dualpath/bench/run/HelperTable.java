package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The shared helpers alone ({@code HelperCostBenchmark}): time and bytes per op of each helper at
 * each setting, and for the stream decoder the same per delivered chunk. Without this section a
 * helpers-only run's summary had no table at all (the strategy table needs a {@code path}).
 */
final class HelperTable {

    static final String PREFIX = "HelperCostBenchmark.";

    /** The section, or "" when the run has no helper benchmark. */
    String markdown(RunIndex index) {
        StringBuilder rows = new StringBuilder();
        for (Measurement m : index.run().primaries()) {
            String name = m.id().shortBenchmark();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            double bytes = index.secondary(m, StrategyTable.ALLOC);
            String perChunk = "—";
            String events = m.id().params().get("events");
            if (events != null) {
                int chunks = Integer.parseInt(events) + StreamingTable.CHUNKS_BEYOND_EVENTS;
                perChunk =
                        StrategyTable.num(m.score() / chunks)
                                + " ns, "
                                + StrategyTable.num(bytes / chunks)
                                + " B";
            }
            rows.append("| ")
                    .append(name.substring(PREFIX.length()))
                    .append(" | ")
                    .append(settings(m.id().params()))
                    .append(" | ")
                    .append(m.forkMeans().size())
                    .append(" | ")
                    .append(StrategyTable.num(m.score()))
                    .append(' ')
                    .append(RunIndex.forkRange(m))
                    .append(" | ")
                    .append(StrategyTable.num(bytes))
                    .append(" | ")
                    .append(perChunk)
                    .append(" |\n");
        }
        if (rows.length() == 0) {
            return "";
        }
        return "### The shared helpers alone\n\n"
                + "| helper | setting | forks | ns/op [fork range] | B/op | per chunk |\n"
                + "|---|---|---:|---|---:|---|\n"
                + rows
                + "\nencodeRequest: the request's body and headers; processResponse: a 200 body"
                + " to the response, by the streaming reader (STREAM) or the tree reader (TREE);"
                + " jacksonFloor: a Jackson parser made over the same body with every token walked"
                + " and no value made (the streaming reader reuses its parser, so only the time is"
                + " a floor under processResponse);"
                + " decodeStream: the streaming benchmark's event stream decoded in memory, per"
                + " chunk = ÷ (events + "
                + StreamingTable.CHUNKS_BEYOND_EVENTS
                + "); mapError: one error shape to its exception.\n\n";
    }

    private static String settings(Map<String, String> params) {
        return params.isEmpty()
                ? "—"
                : new java.util.TreeMap<>(params)
                        .entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", "));
    }
}
