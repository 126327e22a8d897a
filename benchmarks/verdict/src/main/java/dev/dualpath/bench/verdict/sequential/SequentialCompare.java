package dev.dualpath.bench.verdict.sequential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision state of an interleaved A/B comparison of several series, fed block by block ({@link
 * Block}). It knows nothing of how forks are run: the caller asks {@link #next()} which series
 * needs a block, runs it, and {@link #add}s it, until {@link #decided()} or its budget is spent.
 * Each metric of each series has its own {@link MetricMonitor} at an equal share of the family-wise
 * error rate ({@link SequentialSettings#metricAlpha}); the caller takes the planned looks ({@link
 * #look}) when its {@link LookSchedule} says so.
 *
 * <p>Blocks measured on a disturbed machine are counted and skipped. A series is scheduled while
 * any of its metrics is undecided, round-robin, unless the caller retires it (e.g. because more
 * blocks than the budget allows would be needed).
 */
public final class SequentialCompare {

    private final Map<String, List<MetricMonitor>> monitors = new LinkedHashMap<>();
    private final Map<String, Integer> discarded = new LinkedHashMap<>();
    private final Map<String, List<String>> disturbances = new LinkedHashMap<>();
    private final Map<String, String> retired = new LinkedHashMap<>();
    private final Map<String, String> unmeasured = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private int cursor;

    /**
     * @param series per series label, the metrics gated on it
     * @param settings error rates
     */
    public SequentialCompare(Map<String, List<MetricSpec>> series, SequentialSettings settings) {
        int gated = series.values().stream().mapToInt(List::size).sum();
        MetricMonitor.Levels levels =
                MetricMonitor.Levels.of(settings.metricAlpha(gated), settings.passAlpha());
        series.forEach(
                (label, specs) -> {
                    List<MetricMonitor> list = new ArrayList<>();
                    for (MetricSpec spec : specs) list.add(new MetricMonitor(spec, levels));
                    monitors.put(label, list);
                    discarded.put(label, 0);
                    disturbances.put(label, new ArrayList<>());
                    seconds.put(label, 0.0);
                    order.add(label);
                });
    }

    /** The series that should get the next block, round-robin among the undecided ones. */
    public Optional<String> next() {
        for (int i = 0; i < order.size(); i++) {
            String label = order.get((cursor + i) % order.size());
            if (needsBlocks(label)) {
                cursor = (cursor + i + 1) % order.size();
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    /** Whether every series is decided or retired. */
    public boolean decided() {
        return order.stream().noneMatch(this::needsBlocks);
    }

    /**
     * Feeds one block: its oriented change per metric to each undecided monitor, or, when the block
     * was disturbed, only to the count of discarded blocks.
     *
     * @throws IllegalArgumentException if the block's series is unknown
     */
    public void add(Block block) {
        List<MetricMonitor> ms = monitors.get(block.series());
        if (ms == null) throw new IllegalArgumentException("unknown series " + block.series());
        seconds.merge(block.series(), block.seconds(), Double::sum);
        if (block.isDisturbed()) {
            discarded.merge(block.series(), 1, Integer::sum);
            disturbances.get(block.series()).add(block.disturbed());
            return;
        }
        for (MetricMonitor m : ms) {
            String name = m.spec().name();
            String key = block.series() + "/" + name;
            if (unmeasured.containsKey(key)) continue;
            double[] a = block.base().get(name);
            double[] b = block.head().get(name);
            if (a == null || b == null) {
                unmeasured.put(
                        key, "not measured by " + (a == null ? "the base" : "the head") + " build");
                continue;
            }
            m.add(m.spec().worseChange(a, b));
        }
    }

    /**
     * Takes a planned look at every undecided metric of every series that is not retired: a retired
     * series stopped for what its data showed, so a look then would not be planned.
     *
     * @param share the look's share of the looks' error rate ({@link LookSchedule}); 0 does nothing
     */
    public void look(double share) {
        if (!(share > 0)) return;
        monitors.forEach(
                (label, ms) -> {
                    if (!retired.containsKey(label)) ms.forEach(m -> m.look(share));
                });
    }

    /** Stops scheduling a series, with the reason reported for its undecided metrics. */
    public void retire(String series, String why) {
        retired.putIfAbsent(series, why);
    }

    /** Blocks of a series that were judged (not disturbed). */
    public int judgedBlocks(String series) {
        return monitors.get(series).stream().mapToInt(MetricMonitor::blocks).max().orElse(0);
    }

    /** The outcome so far, per series and metric. */
    public List<SeriesOutcome> outcomes() {
        List<SeriesOutcome> out = new ArrayList<>();
        for (String label : order) {
            List<SeriesOutcome.MetricOutcome> metrics = new ArrayList<>();
            for (MetricMonitor m : monitors.get(label)) {
                String missing = unmeasured.get(label + "/" + m.spec().name());
                metrics.add(SeriesOutcome.MetricOutcome.of(m, missing, retired.get(label)));
            }
            out.add(
                    new SeriesOutcome(
                            label,
                            metrics,
                            judgedBlocks(label),
                            discarded.get(label),
                            List.copyOf(disturbances.get(label)),
                            seconds.get(label)));
        }
        return out;
    }

    private boolean needsBlocks(String label) {
        if (retired.containsKey(label)) return false;
        for (MetricMonitor m : monitors.get(label)) {
            if (!m.state().decided() && !unmeasured.containsKey(label + "/" + m.spec().name())) {
                return true;
            }
        }
        return false;
    }
}
