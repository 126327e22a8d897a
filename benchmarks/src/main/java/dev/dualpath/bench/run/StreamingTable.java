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
 * The main job's streaming tables, from {@code StreamingBenchmark}: per method ({@code firstToken},
 * {@code wholeStream}) and pacing, each path's time and bytes per op beside the raw transport's,
 * with the ratio's 95 % bootstrap interval over forks; then the bars. Time to first token: {@code
 * SYNC_STREAM} within {@value #TTFT_BAR}× the raw transport's first bytes, at a paced setting. Per
 * event, from {@code wholeStream} unpaced ({@code gapMs=0}, nothing to wait for, so the time is the
 * work): {@code (path − RAW_TRANSPORT) / (events + 2)} at most {@value #EVENT_MICROS_BAR} µs and
 * {@value #EVENT_BYTES_BAR} B. Each bar holds when its whole interval is on the right side, fails
 * when it is all on the wrong side, and is undecided otherwise. Every figure is read from the run.
 */
public final class StreamingTable {

    /**
     * Chunks a {@code StreamingBenchmark} stream delivers beyond its {@code events} content deltas:
     * the finish chunk and the usage-only chunk.
     */
    static final int CHUNKS_BEYOND_EVENTS = 2;

    static final String BENCHMARK = "dev.dualpath.bench.StreamingBenchmark.";
    static final String RAW = "RAW_TRANSPORT";
    static final String SYNC = "SYNC_STREAM";
    static final double TTFT_BAR = 1.1;
    static final double EVENT_MICROS_BAR = 5;
    static final double EVENT_BYTES_BAR = 1024;
    static final String BYTES = "gc.alloc.rate.norm";

    private static final List<String> PATH_ORDER =
            List.of(RAW, SYNC, "ASYNC_PUBLISHER", "SHARED_LOOP", "LOOP_PER_CALL", "OPENAI_JAVA");

    private final Bootstrap bootstrap;

    public StreamingTable(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The tables as Markdown; empty when the run has no streaming results. */
    public String markdown(JmhRun run) {
        Map<String, List<Row>> sections = new TreeMap<>();
        for (Measurement m : run.primaries()) {
            if (!m.id().benchmark().startsWith(BENCHMARK)) {
                continue;
            }
            Optional<Measurement> bytes = run.find(m.id().withSecondary(BYTES));
            sections.computeIfAbsent(sectionKey(m.id()), k -> new ArrayList<>())
                    .add(new Row(m, bytes.orElse(null)));
        }
        StringBuilder md = new StringBuilder();
        sections.forEach((key, rows) -> section(md, key, rows));
        return md.toString();
    }

    private void section(StringBuilder md, String key, List<Row> rows) {
        rows.sort(Comparator.comparingInt(r -> PATH_ORDER.indexOf(r.path())));
        Optional<Row> raw = rows.stream().filter(r -> r.path().equals(RAW)).findFirst();
        md.append("\n### Streaming, ").append(key).append("\n\n");
        md.append("| path | forks | mean µs/op | B/op | × RAW_TRANSPORT (95% CI) |\n");
        md.append("|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.path())
                    .append(" | ")
                    .append(r.time().forkMeans().size())
                    .append(" | ")
                    .append(StrategyTable.num(mean(r.micros())))
                    .append(" | ")
                    .append(r.bytes() == null ? "—" : StrategyTable.num(mean(r.bytesPerOp())))
                    .append(" | ")
                    .append(raw.map(w -> r.equals(w) ? "1" : ratio(r, w)).orElse("—"))
                    .append(" |\n");
        }
        md.append('\n');
        raw.ifPresent(w -> bars(md, rows, w));
    }

    private void bars(StringBuilder md, List<Row> rows, Row raw) {
        Row any = rows.get(0);
        String method = any.time().id().methodName();
        int events = Integer.parseInt(any.time().id().params().getOrDefault("events", "0"));
        boolean paced = !"0".equals(any.time().id().params().get("gapMs"));
        if (method.equals("firstToken") && paced) {
            rows.stream()
                    .filter(r -> r.path().equals(SYNC))
                    .findFirst()
                    .ifPresent(
                            s -> {
                                ConfidenceInterval ci = interval(s, raw);
                                md.append(
                                        String.format(
                                                Locale.ROOT,
                                                "Bar — %s time to first token within"
                                                        + " %.1f× the raw transport's"
                                                        + " first bytes: %s — %s\n\n",
                                                SYNC,
                                                TTFT_BAR,
                                                ratio(s, raw),
                                                atMost(ci, TTFT_BAR)));
                            });
        }
        if (method.equals("wholeStream") && !paced && events > 0) {
            int perStream = events + CHUNKS_BEYOND_EVENTS;
            md.append(
                    "Per event (wholeStream unpaced: (path − RAW_TRANSPORT) ÷ "
                            + perStream
                            + " chunks), bars ≤ "
                            + StrategyTable.num(EVENT_MICROS_BAR)
                            + " µs and ≤ "
                            + StrategyTable.num(EVENT_BYTES_BAR)
                            + " B:\n\n");
            md.append("| path | µs per event (95% CI) | bar | B per event (95% CI) | bar |\n");
            md.append("|---|---|---|---|---|\n");
            for (Row r : rows) {
                if (r.equals(raw)) {
                    continue;
                }
                ConfidenceInterval micros =
                        scaled(bootstrap.differenceOfMeans(r.micros(), raw.micros()), perStream);
                ConfidenceInterval bytes =
                        r.bytes() == null || raw.bytes() == null
                                ? null
                                : scaled(
                                        bootstrap.differenceOfMeans(
                                                r.bytesPerOp(), raw.bytesPerOp()),
                                        perStream);
                md.append("| ")
                        .append(r.path())
                        .append(" | ")
                        .append(format(micros))
                        .append(" | ")
                        .append(atMost(micros, EVENT_MICROS_BAR))
                        .append(" | ")
                        .append(bytes == null ? "—" : format(bytes))
                        .append(" | ")
                        .append(bytes == null ? "—" : atMost(bytes, EVENT_BYTES_BAR))
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    /** Holds when the whole interval is at or below the bar; fails when it is all above. */
    static String atMost(ConfidenceInterval ci, double bar) {
        return BarVerdict.atMost(ci, bar);
    }

    private String ratio(Row r, Row raw) {
        ConfidenceInterval ci = interval(r, raw);
        if (!ci.isDefined()) {
            return String.format(Locale.ROOT, "%.3f× (no CI: %s)", ci.point(), ci.note());
        }
        return String.format(Locale.ROOT, "%.3f× [%.3f, %.3f]", ci.point(), ci.lower(), ci.upper());
    }

    private ConfidenceInterval interval(Row r, Row raw) {
        return bootstrap.ratioOfMeans(r.micros(), raw.micros());
    }

    private static ConfidenceInterval scaled(ConfidenceInterval ci, int divisor) {
        return new ConfidenceInterval(
                ci.point() / divisor,
                ci.lower() / divisor,
                ci.upper() / divisor,
                ci.confidence(),
                ci.minUnits(),
                ci.note());
    }

    private static String format(ConfidenceInterval ci) {
        if (!ci.isDefined()) {
            return StrategyTable.num(ci.point()) + " (no CI)";
        }
        return String.format(
                Locale.ROOT, "%+.3f [%+.3f, %+.3f]", ci.point(), ci.lower(), ci.upper());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** The method and every parameter but the path. */
    private static String sectionKey(BenchmarkId id) {
        Map<String, String> others = new TreeMap<>(id.params());
        others.remove("path");
        return id.methodName() + " " + others;
    }

    /** One path of one section: its time and, when recorded, its bytes per op. */
    private record Row(Measurement time, Measurement bytes) {
        String path() {
            return time.id().params().get("path");
        }

        /** Fork means in µs. */
        double[] micros() {
            double factor = microsPer(time.unit());
            return time.forkMeans().stream().mapToDouble(v -> v * factor).toArray();
        }

        double[] bytesPerOp() {
            return bytes.forkMeans().stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** µs in one unit of a JMH time-per-op unit ({@code ns/op}, {@code us/op}, {@code ms/op}). */
    static double microsPer(String unit) {
        return switch (unit.substring(
                0, unit.indexOf('/') < 0 ? unit.length() : unit.indexOf('/'))) {
            case "ns" -> 0.001;
            case "us" -> 1;
            case "ms" -> 1000;
            case "s" -> 1_000_000;
            default -> throw new IllegalArgumentException("not a time per op: " + unit);
        };
    }
}
