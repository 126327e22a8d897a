package dev.dualpath.bench.verdict.sequential;

import dev.dualpath.bench.verdict.gate.GateConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics a comparison gates by default, each with the scale and minimum effect that suit its
 * noise: time per operation (relative, the given minimum effect), bytes allocated per operation
 * ({@code -prof gc}'s {@code gc.alloc.rate.norm}: relative, 1 %), and dualpath's {@code
 * CallCostProfiler} metrics, which do not depend on how fast the machine is: threads started per
 * call (absolute, 0.01: one thread per hundred calls), the calling thread's CPU time per call
 * (relative, 5 %) and its voluntary context switches per call (absolute, 0.05).
 */
public final class MetricCatalog {

    /** Secondary metrics gated by default, with their specs. */
    private static final Map<String, MetricSpec> SECONDARIES = new LinkedHashMap<>();

    static {
        add(
                new MetricSpec(
                        GateConfig.ALLOC_NORM,
                        false,
                        Scale.RELATIVE,
                        0.01,
                        GateConfig.floorOf(GateConfig.ALLOC_NORM)));
        add(new MetricSpec("threads.started.norm", false, Scale.ABSOLUTE, 0.01, 0));
        add(
                new MetricSpec(
                        "caller.cpu.norm",
                        false,
                        Scale.RELATIVE,
                        0.05,
                        GateConfig.floorOf("caller.cpu.norm")));
        add(new MetricSpec("caller.csw.norm", false, Scale.ABSOLUTE, 0.05, 0));
    }

    private MetricCatalog() {}

    private static void add(MetricSpec spec) {
        SECONDARIES.put(spec.name(), spec);
    }

    /**
     * Returns the primary metric followed by the default secondaries.
     *
     * @param timeMinEffect the primary metric's minimum effect, relative (e.g. 0.03)
     * @param higherIsBetter whether the primary metric is a throughput
     * @return the primary metric followed by the default secondaries
     */
    public static List<MetricSpec> defaults(double timeMinEffect, boolean higherIsBetter) {
        List<MetricSpec> specs = new ArrayList<>();
        specs.add(
                new MetricSpec(
                        MetricSpec.PRIMARY, higherIsBetter, Scale.RELATIVE, timeMinEffect, 0));
        specs.addAll(SECONDARIES.values());
        return specs;
    }

    /** The default spec of a secondary metric, if it is one the catalog gates. */
    public static java.util.Optional<MetricSpec> secondary(String name) {
        return java.util.Optional.ofNullable(SECONDARIES.get(name));
    }
}
