package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The main job's batch table, from {@code BatchThroughputBenchmark}: per batch size, items per
 * second for each mode and limit (the {@code items} result: mean of fork means), and the ratio to
 * the sequential {@code DIRECT} calls of the same size with a 95 % bootstrap interval over forks;
 * then the bar — a batch of {@value #BAR_SIZE} at limit {@value #BAR_LIMIT} at least {@value
 * #BAR_RATIO}× {@code DIRECT} — as holds, does not hold, or undecided. Every figure is read from
 * the run.
 */
public final class BatchTable {

    static final String BENCHMARK = "dev.dualpath.bench.BatchThroughputBenchmark.batch";
    static final String ITEMS = "items";
    static final String SEQUENTIAL = "DIRECT";
    static final int BAR_SIZE = 100;
    static final int BAR_LIMIT = 16;
    static final double BAR_RATIO = 10;

    private static final List<String> MODE_ORDER =
            List.of(SEQUENTIAL, "LOOP_PER_CALL", "BATCH_SYNC", "BATCH_ASYNC");

    private final Bootstrap bootstrap;

    public BatchTable(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The table as Markdown; empty when the run has no batch results. */
    public String markdown(JmhRun run) {
        Map<String, List<Row>> sections = new TreeMap<>();
        for (Measurement m : run.primaries()) {
            if (!m.id().benchmark().equals(BENCHMARK)) {
                continue;
            }
            Optional<Measurement> items = run.find(m.id().withSecondary(ITEMS));
            items.ifPresent(
                    i ->
                            sections.computeIfAbsent(sectionKey(m.id()), k -> new ArrayList<>())
                                    .add(new Row(m.id().params(), i)));
        }
        StringBuilder md = new StringBuilder();
        sections.forEach((key, rows) -> section(md, key, rows));
        return md.toString();
    }

    private void section(StringBuilder md, String key, List<Row> rows) {
        rows.sort(
                Comparator.comparingInt((Row r) -> r.size())
                        .thenComparingInt(r -> MODE_ORDER.indexOf(r.mode()))
                        .thenComparingInt(Row::limit));
        md.append("\n### Batch throughput, items/s (").append(key).append(")\n\n");
        md.append(
                "| batch size | mode | limit | forks | items/s | × sequential DIRECT (95% CI) |\n");
        md.append("|---:|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.size())
                    .append(" | ")
                    .append(r.mode())
                    .append(" | ")
                    .append(r.mode().startsWith("BATCH") ? Integer.toString(r.limit()) : "—")
                    .append(" | ")
                    .append(r.items().forkMeans().size())
                    .append(" | ")
                    .append(StrategyTable.num(r.items().meanOfForks()))
                    .append(" | ")
                    .append(sequential(rows, r.size()).map(d -> ratio(r, d)).orElse("—"))
                    .append(" |\n");
        }
        md.append('\n');
        bar(md, rows);
        md.append(
                "items/s: requests answered per second (JMH `items` counter, mean of fork means);"
                        + " the sequential modes make one call after another and ignore the"
                        + " limit.\n\n");
    }

    private void bar(StringBuilder md, List<Row> rows) {
        Optional<Row> sequential = sequential(rows, BAR_SIZE);
        List<Row> candidates =
                rows.stream()
                        .filter(
                                r ->
                                        r.size() == BAR_SIZE
                                                && r.limit() == BAR_LIMIT
                                                && r.mode().startsWith("BATCH"))
                        .toList();
        if (sequential.isEmpty() || candidates.isEmpty()) {
            return;
        }
        md.append(
                String.format(
                        Locale.ROOT,
                        "Bar — a batch of %d at limit %d gets ≥ %.0f× the items/s of sequential"
                                + " DIRECT:\n\n",
                        BAR_SIZE,
                        BAR_LIMIT,
                        BAR_RATIO));
        for (Row r : candidates) {
            ConfidenceInterval ci = interval(r, sequential.get());
            md.append("- ")
                    .append(r.mode())
                    .append(": ")
                    .append(ratio(r, sequential.get()))
                    .append(" — ")
                    .append(verdict(ci))
                    .append('\n');
        }
        md.append('\n');
    }

    /** Holds when the whole interval is at or above the bar; fails when it is all below. */
    static String verdict(ConfidenceInterval ci) {
        return BarVerdict.atLeast(ci, BAR_RATIO);
    }

    private String ratio(Row r, Row sequential) {
        if (r.equals(sequential)) {
            return "1";
        }
        ConfidenceInterval ci = interval(r, sequential);
        if (!ci.isDefined()) {
            return String.format(Locale.ROOT, "%.2f× (no CI: %s)", ci.point(), ci.note());
        }
        return String.format(Locale.ROOT, "%.2f× [%.2f, %.2f]", ci.point(), ci.lower(), ci.upper());
    }

    private ConfidenceInterval interval(Row r, Row sequential) {
        return bootstrap.ratioOfMeans(forkMeans(r.items()), forkMeans(sequential.items()));
    }

    private static Optional<Row> sequential(List<Row> rows, int size) {
        return rows.stream()
                .filter(r -> r.size() == size && r.mode().equals(SEQUENTIAL))
                .min(Comparator.comparingInt(Row::limit));
    }

    private static double[] forkMeans(Measurement m) {
        return m.forkMeans().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Every parameter but the ones the table lays out. */
    private static String sectionKey(BenchmarkId id) {
        Map<String, String> others = new TreeMap<>(id.params());
        others.remove("batchSize");
        others.remove("limit");
        others.remove("mode");
        return others.toString();
    }

    /** One measured configuration. */
    private record Row(Map<String, String> params, Measurement items) {
        int size() {
            return Integer.parseInt(params.get("batchSize"));
        }

        int limit() {
            return Integer.parseInt(params.get("limit"));
        }

        String mode() {
            return params.get("mode");
        }
    }
}
