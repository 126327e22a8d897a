package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Derives chart data from a run, generically: it needs only the param names in {@link
 * ChartOptions}, not any particular benchmark class.
 *
 * <ul>
 *   <li><b>Overhead per strategy</b>: for each benchmark and combination of its other params (only
 *       at delay 0 when it has a delay param), mean(strategy) - mean(its baseline strategy), with
 *       the bootstrap interval of that difference. One chart per combination.
 *   <li><b>Latency against injected delay</b>: for each benchmark with a delay param, the mean of
 *       each combination of its other params at each delay, with the interval of the mean.
 * </ul>
 */
public final class ChartDataBuilder {

    private final ChartOptions options;
    private final Bootstrap bootstrap;

    /**
     * @param options what to group by
     * @param bootstrap for the intervals
     */
    public ChartDataBuilder(ChartOptions options, Bootstrap bootstrap) {
        this.options = options;
        this.bootstrap = bootstrap;
    }

    /** One chart per benchmark x other-params group that has the baseline strategy. */
    public List<ChartData> overhead(JmhRun run) {
        Map<String, Map<String, Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : run.primaries()) {
            Map<String, String> params = m.id().params();
            String strategy = params.get(options.strategyParam());
            if (strategy == null) continue;
            String delay = params.get(options.delayParam());
            if (delay != null && !delay.equals("0")) continue;
            Map<String, String> rest = new TreeMap<>(params);
            rest.remove(options.strategyParam());
            String key =
                    m.id().shortBenchmark()
                            + " ["
                            + m.id().mode()
                            + "]"
                            + (rest.isEmpty() ? "" : " " + rest);
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(strategy, m);
        }
        List<ChartData> charts = new ArrayList<>();
        groups.forEach((key, byStrategy) -> overheadChart(key, byStrategy).ifPresent(charts::add));
        return charts;
    }

    private Optional<ChartData> overheadChart(String key, Map<String, Measurement> byStrategy) {
        if (!byStrategy.containsKey(options.baselineValue())) return Optional.empty();
        List<ChartData.Point> points = new ArrayList<>();
        String unit = byStrategy.get(options.baselineValue()).unit();
        for (Map.Entry<String, Measurement> e : byStrategy.entrySet()) {
            String strategy = e.getKey();
            if (strategy.equals(options.baselineValue())
                    || options.baselineFor().containsValue(strategy)) continue;
            Measurement base = byStrategy.get(options.baselineOf(strategy));
            if (base == null) continue;
            ConfidenceInterval ci =
                    bootstrap.differenceOfMeans(
                            e.getValue().units().values(), base.units().values());
            String label = strategy + " - " + options.baselineOf(strategy);
            points.add(
                    new ChartData.Point(
                            label,
                            points.size(),
                            ci.point(),
                            orPoint(ci.lower(), ci.point()),
                            orPoint(ci.upper(), ci.point())));
        }
        if (points.isEmpty()) return Optional.empty();
        return Optional.of(
                new ChartData(
                        "overhead-" + ChartData.slug(key),
                        "Overhead per strategy: " + key,
                        options.strategyParam(),
                        "overhead (" + unit + ")",
                        ChartData.Style.CATEGORY_POINTS,
                        List.of(new ChartData.Series("overhead", points))));
    }

    /** One chart per benchmark with the delay param. */
    public List<ChartData> latencyVsDelay(JmhRun run) {
        Map<String, Map<String, Map<Double, Measurement>>> charts = new LinkedHashMap<>();
        for (Measurement m : run.primaries()) {
            String delay = m.id().params().get(options.delayParam());
            if (delay == null) continue;
            double delayMs;
            try {
                delayMs = Double.parseDouble(delay);
            } catch (NumberFormatException e) {
                continue;
            }
            Map<String, String> rest = new TreeMap<>(m.id().params());
            rest.remove(options.delayParam());
            String chart = m.id().shortBenchmark() + " [" + m.id().mode() + "]";
            charts.computeIfAbsent(chart, k -> new LinkedHashMap<>())
                    .computeIfAbsent(rest.toString(), k -> new TreeMap<>())
                    .put(delayMs, m);
        }
        List<ChartData> out = new ArrayList<>();
        charts.forEach(
                (chart, seriesMap) -> {
                    List<Double> delays =
                            seriesMap.values().stream()
                                    .flatMap(s -> s.keySet().stream())
                                    .distinct()
                                    .sorted(Comparator.naturalOrder())
                                    .toList();
                    String unit =
                            seriesMap.values().iterator().next().values().iterator().next().unit();
                    List<ChartData.Series> series = new ArrayList<>();
                    seriesMap.forEach(
                            (name, byDelay) -> {
                                List<ChartData.Point> pts = new ArrayList<>();
                                byDelay.forEach(
                                        (d, m) -> {
                                            ConfidenceInterval ci =
                                                    bootstrap.mean(m.units().values());
                                            pts.add(
                                                    new ChartData.Point(
                                                            Fmt.num(d),
                                                            delays.indexOf(d),
                                                            ci.point(),
                                                            orPoint(ci.lower(), ci.point()),
                                                            orPoint(ci.upper(), ci.point())));
                                        });
                                series.add(new ChartData.Series(name, pts));
                            });
                    out.add(
                            new ChartData(
                                    "latency-vs-delay-" + ChartData.slug(chart),
                                    "Latency against injected delay: " + chart,
                                    options.delayParam(),
                                    "mean (" + unit + ")",
                                    ChartData.Style.CATEGORY_LINES,
                                    series));
                });
        return out;
    }

    private static double orPoint(double bound, double point) {
        return Double.isNaN(bound) ? point : bound;
    }
}
