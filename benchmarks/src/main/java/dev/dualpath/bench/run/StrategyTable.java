package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The main job's table: per benchmark group (same benchmark, same parameters but {@code path}), one
 * row per path with its mean, p50 and p99 (sample mode only), bytes per call, the stub's own
 * service time per call ({@code stub.service.norm}, where the benchmark reports it), its overhead
 * over the raw blocking call, and its extra cost over {@code DIRECT} — both differences with a
 * bootstrap confidence interval over fork means, from this run alone.
 */
public final class StrategyTable {

    static final String PATH = "path";
    static final String RAW = "RAW_BLOCKING";
    static final String DIRECT = "DIRECT";
    static final String ALLOC = "gc.alloc.rate.norm";

    /**
     * {@code dev.dualpath.bench.CallCostProfiler.STUB_SERVICE}, spelled out so that reading a run
     * needs no profiler.
     */
    static final String STUB = "stub.service.norm";

    /** {@code dev.dualpath.bench.CallCostProfiler.FORK_CPUS}, spelled out as {@link #STUB} is. */
    static final String FORK_CPUS = "fork.cpus";

    static final String STUB_NOTE =
            "stub µs/call: the stub's own service time per call (WireMock processing + Jetty"
                + " sending, the injected delay excluded), read on the stub's side. In a time row,"
                + " the client's own cost is about the row's time − the injected delay − this; the"
                + " loopback and the scheduler add the rest.";

    private final Bootstrap bootstrap;

    public StrategyTable(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The table as Markdown, one section per group; every figure read from {@code run}. */
    public String markdown(JmhRun run) {
        return markdown(new RunIndex(run));
    }

    /**
     * The table as Markdown, one section per group; every figure read from the index's run, and
     * differences between series that ran in the same rounds paired by round.
     */
    String markdown(RunIndex index) {
        JmhRun run = index.run();
        Map<String, List<Measurement>> groups = new TreeMap<>();
        for (Measurement m : run.primaries()) {
            if (m.id().params().containsKey(PATH)) {
                groups.computeIfAbsent(groupKey(m.id()), k -> new ArrayList<>()).add(m);
            }
        }
        StringBuilder md = new StringBuilder();
        groups.forEach((key, rows) -> section(md, key, rows, index));
        if (groups.isEmpty()) {
            md.append("No benchmark with a `path` parameter in this run.\n");
        }
        return md.toString();
    }

    private void section(StringBuilder md, String key, List<Measurement> rows, RunIndex index) {
        JmhRun run = index.run();
        Optional<Measurement> raw =
                rows.stream().filter(m -> RAW.equals(m.id().params().get(PATH))).findFirst();
        Optional<Measurement> direct =
                rows.stream().filter(m -> DIRECT.equals(m.id().params().get(PATH))).findFirst();
        String unit = rows.get(0).unit();
        md.append("### ").append(key).append("\n\n");
        md.append("| path | forks | mean of forks ")
                .append(unit)
                .append(
                        " | p50 | p99 | B/op | stub µs/call | overhead over raw (95% CI) | extra"
                                + " over DIRECT (95% CI) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        rows.sort(java.util.Comparator.comparingInt(m -> order(m.id().params().get(PATH))));
        for (Measurement m : rows) {
            md.append("| ")
                    .append(m.id().params().get(PATH))
                    .append(" | ")
                    .append(m.forkMeans().size())
                    .append(" | ")
                    .append(num(m.meanOfForks()))
                    .append(" | ")
                    .append(num(m.percentiles().getOrDefault("50.0", Double.NaN)))
                    .append(" | ")
                    .append(num(m.percentiles().getOrDefault("99.0", Double.NaN)))
                    .append(" | ")
                    .append(num(bytesPerOp(run, m.id())))
                    .append(" | ")
                    .append(num(secondary(run, m.id(), STUB)))
                    .append(" | ")
                    .append(difference(m, raw, index))
                    .append(" | ")
                    .append(difference(m, direct, index))
                    .append(" |\n");
        }
        md.append('\n');
        if (rows.stream().anyMatch(m -> !Double.isNaN(secondary(run, m.id(), STUB)))) {
            md.append(STUB_NOTE).append("\n\n");
        }
        List<String> oneCpu =
                rows.stream()
                        .filter(m -> secondary(run, m.id(), FORK_CPUS) == 1.0)
                        .map(m -> m.id().params().get(PATH))
                        .toList();
        if (!oneCpu.isEmpty()) {
            md.append("On one CPU (the fork's JVM saw 1 CPU): ")
                    .append(oneCpu.size() == rows.size() ? "every path" : String.join(", ", oneCpu))
                    .append(
                            ". A thread such a path hands a call to runs on the caller's CPU there:"
                                    + " cheaper, and steadier from fork to fork, than a hand-off"
                                    + " between two CPUs.\n\n");
        }
    }

    /**
     * {@code a − b} over fork means with its interval (over rounds where the two ran in the same
     * rounds), or a dash where it does not apply.
     */
    private String difference(Measurement a, Optional<Measurement> b, RunIndex index) {
        if (b.isEmpty() || b.get().equals(a)) {
            return "—";
        }
        double[] x = a.forkMeans().stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.get().forkMeans().stream().mapToDouble(Double::doubleValue).toArray();
        ConfidenceInterval ci = bootstrap.differenceOfMeans(x, y, index.paired(a, b.get()));
        if (!ci.isDefined()) {
            return signed(ci.point()) + " (no CI: " + Math.min(x.length, y.length) + " fork)";
        }
        return String.format(
                Locale.ROOT,
                "%s [%s, %s]",
                signed(ci.point()),
                signed(ci.lower()),
                signed(ci.upper()));
    }

    private static double bytesPerOp(JmhRun run, BenchmarkId id) {
        return secondary(run, id, ALLOC);
    }

    /** A secondary metric's score for the row, NaN (shown as a dash) when the run lacks it. */
    private static double secondary(JmhRun run, BenchmarkId id, String metric) {
        return run.find(id.withSecondary(metric)).map(Measurement::score).orElse(Double.NaN);
    }

    private static String groupKey(BenchmarkId id) {
        Map<String, String> others = new TreeMap<>(id.params());
        others.remove(PATH);
        return id.shortBenchmark()
                + " ("
                + id.mode()
                + ")"
                + (others.isEmpty() ? "" : " " + others);
    }

    private static int order(String path) {
        List<String> known =
                List.of(RAW, "RAW_ASYNC", DIRECT, "LOOP_PER_CALL", "SHARED_LOOP", "SEED_LITERAL");
        int i = known.indexOf(path);
        return i < 0 ? known.size() : i;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + num(v);
    }
}
