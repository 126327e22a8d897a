package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The order a plan's forks run in: one fork of every series (benchmark × mode × parameter values)
 * per round, the series shuffled anew each round, as many rounds as the plan has forks.
 *
 * <p>Why: JMH runs all forks of one series, then all of the next, so two paths a table compares
 * were measured minutes apart, and this machine moves by tens of percent over minutes (a fork's
 * mean drifts with what the host does). In rounds, fork i of every path ran within the same short
 * stretch, so a comparison can pair them ({@code Bootstrap#pairedInterval}); the random order
 * within a round keeps a path from always running first (right after a JVM of another path, or
 * after a quiet pause).
 *
 * @param plan the plan
 * @param series the plan's series in JMH's order (the order results are written in)
 * @param rounds the series in run order, one list per round
 */
public record ForkSchedule(Plan plan, List<Series> series, List<List<Series>> rounds) {

    /**
     * One series of a plan: what a single-fork JMH invocation runs.
     *
     * @param entry the benchmark method and mode, from JMH's generated list
     * @param params one value per {@code @Param} the benchmark declares
     */
    public record Series(BenchmarkListEntry entry, Map<String, String> params) {
        /** Copies the map, keeping its order. */
        public Series {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** The benchmark method's full name. */
        public String benchmark() {
            return entry.getUsername();
        }

        /** Wall time of one fork of this series under {@code plan}, without JVM start-up. */
        public Duration forkTime(Plan plan) {
            return plan.forkTime(benchmark(), params);
        }

        /** A JMH include pattern matching this benchmark method and no other. */
        public String include() {
            return "^" + Pattern.quote(benchmark()) + "$";
        }

        /** The series' identity as the verdict code reads it from {@code jmh.json}. */
        public BenchmarkId id() {
            return BenchmarkId.primary(benchmark(), entry.getMode().shortLabel(), params);
        }
    }

    /** Copies the lists. */
    public ForkSchedule {
        series = List.copyOf(series);
        rounds = rounds.stream().map(List::copyOf).toList();
    }

    /**
     * Draws the schedule of {@code plan}: {@code plan.forks()} rounds, each a fresh shuffle of its
     * series.
     *
     * @param plan the plan
     * @param random the source of the orders (seeded by the caller, who records the seed)
     */
    public static ForkSchedule draw(Plan plan, Random random) {
        List<Series> series = series(plan);
        List<List<Series>> rounds = new ArrayList<>();
        for (int r = 0; r < plan.forks(); r++) {
            List<Series> round = new ArrayList<>(series);
            Collections.shuffle(round, random);
            rounds.add(round);
        }
        return new ForkSchedule(plan, series, rounds);
    }

    /**
     * Every series {@code plan} runs, in JMH's order: each benchmark it includes, and every
     * combination of its {@code @Param} values (the plan's override where it has one, else the
     * declared values).
     */
    public static List<Series> series(Plan plan) {
        List<Series> out = new ArrayList<>();
        for (BenchmarkListEntry entry : DeclaredBenchmarks.find(plan.include())) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (entry.getParams().hasValue()) {
                entry.getParams()
                        .get()
                        .forEach(
                                (name, declared) ->
                                        values.put(
                                                name,
                                                plan.params()
                                                        .getOrDefault(name, List.of(declared))));
            }
            combine(entry, values, new ArrayList<>(values.keySet()), 0, new LinkedHashMap<>(), out);
        }
        return out;
    }

    private static void combine(
            BenchmarkListEntry entry,
            Map<String, List<String>> values,
            List<String> names,
            int next,
            Map<String, String> chosen,
            List<Series> out) {
        if (next == names.size()) {
            out.add(new Series(entry, chosen));
            return;
        }
        String name = names.get(next);
        for (String value : values.get(name)) {
            chosen.put(name, value);
            combine(entry, values, names, next + 1, chosen, out);
        }
        chosen.remove(name);
    }
}
