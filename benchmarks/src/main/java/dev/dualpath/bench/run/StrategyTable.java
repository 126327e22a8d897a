package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import dev.dualpath.bench.verdict.machine.SetAside;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The main job's table: per benchmark group (same benchmark, same parameters but {@code path}), one
 * row per path with its mean, p50 and p99 (sample mode only), bytes per call, the stub's own
 * service time per call ({@code stub.service.norm}, where the benchmark reports it), its overhead
 * over the raw blocking call, and its extra cost over {@code DIRECT} — both differences with a
 * bootstrap confidence interval over fork means, from this run alone. Where a few of the forks
 * behind a difference were measured on a disturbed machine ({@link RunDisturbance}: other
 * processes, steal, a slow calibration loop or thread start), the difference is given without them
 * when {@link SetAside} allows it, marked, with the all-forks figure beside it.
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

    static final String SET_ASIDE_MARK = "‡";

    static final String SET_ASIDE_NOTE =
            SET_ASIDE_MARK
                    + " without the forks measured on a disturbed machine (the table of flagged"
                    + " forks names them and why); in parentheses, every fork.";

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
        RunDisturbance disturbance = RunDisturbance.of(run, DisturbanceRule.DEFAULT);
        groups.forEach((key, rows) -> section(md, key, rows, index, disturbance));
        if (groups.isEmpty()) {
            md.append("No benchmark with a `path` parameter in this run.\n");
        }
        return md.toString();
    }

    private void section(
            StringBuilder md,
            String key,
            List<Measurement> rows,
            RunIndex index,
            RunDisturbance disturbance) {
        JmhRun run = index.run();
        Optional<Measurement> raw =
                rows.stream().filter(m -> RAW.equals(m.id().params().get(PATH))).findFirst();
        Optional<Measurement> direct =
                rows.stream().filter(m -> DIRECT.equals(m.id().params().get(PATH))).findFirst();
        String unit = rows.get(0).unit();
        int start = md.length();
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
                    .append(difference(m, raw, index, disturbance))
                    .append(" | ")
                    .append(difference(m, direct, index, disturbance))
                    .append(" |\n");
        }
        md.append('\n');
        if (md.indexOf(SET_ASIDE_MARK, start) >= 0) {
            md.append(SET_ASIDE_NOTE).append("\n\n");
        }
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
     * rounds), or a dash where it does not apply; without disturbed forks where {@link SetAside}
     * allows it, every fork's figure beside it.
     */
    private String difference(
            Measurement a, Optional<Measurement> b, RunIndex index, RunDisturbance disturbance) {
        if (b.isEmpty() || b.get().equals(a)) {
            return "—";
        }
        double[] x = a.forkMeans().stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.get().forkMeans().stream().mapToDouble(Double::doubleValue).toArray();
        boolean paired = index.paired(a, b.get());
        String all = interval(bootstrap.differenceOfMeans(x, y, paired), x.length, y.length);
        Set<Integer> da = disturbance.disturbedForks(a.id());
        Set<Integer> db = disturbance.disturbedForks(b.get().id());
        if (da.isEmpty() && db.isEmpty()) {
            return all;
        }
        return SetAside.apply(List.of(x, y), List.of(da, db), paired)
                .map(
                        kept -> {
                            double[] kx = kept.groups().get(0);
                            double[] ky = kept.groups().get(1);
                            return interval(
                                            bootstrap.differenceOfMeans(kx, ky, paired),
                                            kx.length,
                                            ky.length)
                                    + " "
                                    + SET_ASIDE_MARK
                                    + " (every fork: "
                                    + all
                                    + ")";
                        })
                .orElse(all);
    }

    private static String interval(ConfidenceInterval ci, int nx, int ny) {
        if (!ci.isDefined()) {
            return signed(ci.point()) + " (no CI: " + Math.min(nx, ny) + " fork)";
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
