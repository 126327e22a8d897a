package dev.dualpath.bench.verdict.claims;

import java.util.Map;
import java.util.TreeMap;

/**
 * A measured quantity a claim's expression refers to. Values are converted so that times per
 * operation are always in <b>milliseconds</b> ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code
 * s/op} from JMH; nanoseconds from the Python replay); other units are used as they are.
 *
 * <p>String values may contain {@code ${name}} placeholders, replaced by the claim subject's
 * variables (see {@link ClaimsFile#subjects()}).
 */
public sealed interface Quantity {

    /** This quantity with {@code ${name}} placeholders replaced by {@code vars}. */
    Quantity substitute(Map<String, String> vars);

    /**
     * A JMH series: {@code {"benchmark": ..., "mode": "avgt", "params": {...}, "secondary": ...}}.
     * A series matches when its benchmark (and mode and secondary metric, if given) are equal and
     * it has every given param with the given value; exactly one series must match.
     *
     * @param benchmark fully qualified benchmark method
     * @param mode JMH mode, or null for any
     * @param params params that must match (a subset of the series' params)
     * @param secondary secondary metric name, or null for the primary
     */
    record Jmh(String benchmark, String mode, Map<String, String> params, String secondary)
            implements Quantity {
        /** Freezes the params. */
        public Jmh {
            params = Map.copyOf(params);
        }

        @Override
        public Quantity substitute(Map<String, String> vars) {
            Map<String, String> p = new TreeMap<>();
            params.forEach((k, v) -> p.put(k, Placeholders.apply(v, vars)));
            return new Jmh(Placeholders.apply(benchmark, vars), mode, p, secondary);
        }
    }

    /**
     * A series of the Python replay: {@code {"series": "loop_total"}}.
     *
     * @param series name under {@code samples} in python-replay.json
     */
    record Python(String series) implements Quantity {
        @Override
        public Quantity substitute(Map<String, String> vars) {
            return new Python(Placeholders.apply(series, vars));
        }
    }

    /**
     * A pattern of the real-SDK replay: {@code {"pattern": "loop_cached_client", "metric":
     * "median_ms"}}.
     *
     * @param pattern a pattern name of python-sdk.json (may hold placeholders)
     * @param metric what is read from it, one value per process
     */
    record Sdk(String pattern, SdkMetric metric) implements Quantity {
        @Override
        public Quantity substitute(Map<String, String> vars) {
            return new Sdk(Placeholders.apply(pattern, vars), metric);
        }
    }
}
