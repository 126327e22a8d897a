package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the gate judges.
 *
 * @param minEffect default minimum relative effect that counts as a regression, e.g. 0.05 = 5 %
 * @param overrides per-benchmark minimum effects; the first whose pattern is found in {@link
 *     BenchmarkId#display()} wins
 * @param secondaries secondary metric names to gate besides the primary (e.g. {@code
 *     gc.alloc.rate.norm}); other secondary metrics are ignored
 * @param bootstrap its confidence level is the gate's (the interval shown and 1 - alpha of the
 *     tests); resamples and seed serve the reports' other intervals
 * @param familyWise whether a FAIL must hold after Holm's correction over its family (primary
 *     metrics, secondary metrics): with ~30 series each tested at 5 %, about one false alarm per
 *     A/A run is otherwise expected. PASS and the reported interval are never corrected.
 */
public record GateConfig(
        double minEffect,
        List<EffectOverride> overrides,
        Set<String> secondaries,
        BootstrapSettings bootstrap,
        boolean familyWise) {

    /** A config with the family-wise correction on. */
    public GateConfig(
            double minEffect,
            List<EffectOverride> overrides,
            Set<String> secondaries,
            BootstrapSettings bootstrap) {
        this(minEffect, overrides, secondaries, bootstrap, true);
    }

    /** Default secondary metric gated: bytes allocated per operation. */
    public static final String ALLOC_NORM = "gc.alloc.rate.norm";

    /**
     * Default minimum effects of secondary metrics, which are far less noisy than time: a 1 %
     * change in bytes per operation is real and worth a look. A secondary metric not listed here
     * takes the primary default.
     */
    public static final Map<String, Double> SECONDARY_MIN_EFFECTS =
            Map.of(
                    ALLOC_NORM,
                    0.01,
                    "threads.started.norm",
                    0.01,
                    "caller.alloc.norm",
                    0.01,
                    "caller.cpu.norm",
                    0.05,
                    "caller.csw.norm",
                    0.10);

    /**
     * Amounts added to the values of a secondary metric before its ratio is taken, in the metric's
     * unit: 1 B/op for bytes per operation, 1 ns/op for CPU time. Without it an allocation-free
     * path that moves from 0.0005 to 0.004 B/op (JMH's own bookkeeping, not the code under test) is
     * a +600 % regression; with it, a change counts once it is a fraction of a byte or more. A
     * sequential comparison adds the same floors to every value; the gate adds them where the
     * baseline is under 100 floors, where they matter, and leaves larger values as they are ({@link
     * RatioJudge}).
     */
    public static final Map<String, Double> SECONDARY_FLOORS =
            Map.of(ALLOC_NORM, 1.0, "caller.alloc.norm", 1.0, "caller.cpu.norm", 1.0);

    /**
     * The floor added to a series' values before its ratio: {@link #SECONDARY_FLOORS} for a
     * secondary metric listed there, else 0 (times and other metrics).
     */
    public static double floorOf(BenchmarkId id) {
        return id.secondary() == null ? 0 : floorOf(id.secondary());
    }

    /** The floor of a secondary metric by name, 0 if it has none. */
    public static double floorOf(String secondary) {
        return SECONDARY_FLOORS.getOrDefault(secondary, 0.0);
    }

    /** 5 %, no overrides, {@value #ALLOC_NORM}, default bootstrap. */
    public static GateConfig defaults() {
        return new GateConfig(0.05, List.of(), Set.of(ALLOC_NORM), BootstrapSettings.DEFAULT);
    }

    /**
     * @throws IllegalArgumentException if minEffect is not in (0, 1)
     */
    public GateConfig {
        checkEffect(minEffect);
        overrides = List.copyOf(overrides);
        secondaries = Set.copyOf(secondaries);
    }

    /**
     * The minimum effect for this series: the first matching override, else the secondary metric's
     * default ({@link #SECONDARY_MIN_EFFECTS}), else the default.
     */
    public double minEffectFor(BenchmarkId id) {
        String label = id.display();
        for (EffectOverride o : overrides) {
            if (o.pattern().matcher(label).find() || o.pattern().matcher(id.benchmark()).find())
                return o.minEffect();
        }
        if (id.secondary() != null)
            return SECONDARY_MIN_EFFECTS.getOrDefault(id.secondary(), minEffect);
        return minEffect;
    }

    /**
     * A per-benchmark minimum effect.
     *
     * @param pattern regular expression searched in the series label and benchmark name
     * @param minEffect relative effect in (0, 1)
     */
    public record EffectOverride(Pattern pattern, double minEffect) {
        /**
         * @throws IllegalArgumentException if minEffect is not in (0, 1)
         */
        public EffectOverride {
            checkEffect(minEffect);
        }

        /**
         * Parses {@code REGEX=FRACTION}, e.g. {@code LoopbackLatency=0.10}.
         *
         * @throws IllegalArgumentException if there is no {@code =} or the fraction is not a number
         */
        public static EffectOverride parse(String spec) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0)
                throw new IllegalArgumentException("expected REGEX=FRACTION, was '" + spec + "'");
            return new EffectOverride(
                    Pattern.compile(spec.substring(0, eq)),
                    Double.parseDouble(spec.substring(eq + 1)));
        }
    }

    private static void checkEffect(double e) {
        if (!(e > 0 && e < 1))
            throw new IllegalArgumentException("minimum effect must be in (0, 1), was " + e);
    }
}
