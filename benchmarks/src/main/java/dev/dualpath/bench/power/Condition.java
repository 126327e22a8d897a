package dev.dualpath.bench.power;

import dev.dualpath.bench.InMemoryOverheadBenchmark;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import java.util.List;
import java.util.Locale;

/**
 * One experimental condition of {@code dualpath power}: the head is the same jar as the base, with
 * one of the in-memory transport's test-only knobs set to make it worse by a known amount.
 *
 * @param name short name, e.g. {@code time+10%}
 * @param metric the metric the change is in ({@code primary} for time, {@code gc.alloc.rate.norm}
 *     for bytes); for the A/A condition, the one whose FAIL rate is the false-alarm rate
 * @param fraction the injected change, 0 for A/A
 */
public record Condition(String name, String metric, double fraction) {

    /** The conditions the bars are about. */
    public static List<Condition> defaults() {
        return List.of(
                new Condition("A/A", MetricSpec.PRIMARY, 0),
                time(0.02),
                time(0.05),
                time(0.10),
                time(0.20),
                new Condition("bytes+2%", "gc.alloc.rate.norm", 0.02));
    }

    private static Condition time(double f) {
        return new Condition(
                String.format(Locale.ROOT, "time+%.0f%%", f * 100), MetricSpec.PRIMARY, f);
    }

    /** Whether the head is the base unchanged. */
    public boolean isAa() {
        return fraction == 0;
    }

    /**
     * The head's extra JVM arguments for this condition. A time condition stretches each of the
     * head's calls by {@code fraction} of that call's own time (so the change is the fraction in
     * every fork, whatever its speed); a bytes condition allocates an extra array per call.
     *
     * @param directBytes the base's measured bytes per call, to size the bytes knob
     */
    public List<String> knob(double directBytes) {
        if (isAa()) return List.of();
        if (metric.equals(MetricSpec.PRIMARY)) {
            return List.of(
                    "-D"
                            + InMemoryOverheadBenchmark.SLOWDOWN_FRACTION_PROPERTY
                            + "="
                            + String.format(Locale.ROOT, "%s", fraction));
        }
        // A byte[] of n costs 16 header bytes plus n rounded up to 8: aim the total at the
        // fraction.
        long bytes = Math.max(1, Math.round(directBytes * fraction) - 16);
        return List.of("-D" + InMemoryOverheadBenchmark.EXTRA_ALLOC_PROPERTY + "=" + bytes);
    }
}
