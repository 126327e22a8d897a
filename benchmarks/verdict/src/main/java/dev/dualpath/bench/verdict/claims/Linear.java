package dev.dualpath.bench.verdict.claims;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A claim's expression when it is linear in its quantities: {@code constant + Σ coefficient ×
 * quantity}. A linear statistic of the groups' means is linear in every fork's value, which is what
 * lets {@link DisturbanceBounds} bound a claim over every value a disturbed fork could have had.
 *
 * @param constant the term without a quantity
 * @param coefficients each quantity's coefficient, by name; a name absent has coefficient 0
 */
record Linear(double constant, Map<String, Double> coefficients) {

    /** Sorts and freezes the coefficients. */
    Linear {
        coefficients = java.util.Collections.unmodifiableMap(new TreeMap<>(coefficients));
    }

    /** The constant {@code value}. */
    static Linear constant(double value) {
        return new Linear(value, Map.of());
    }

    /** The quantity {@code name}, coefficient 1. */
    static Linear of(String name) {
        return new Linear(0, Map.of(name, 1.0));
    }

    /** Whether no quantity appears. */
    boolean isConstant() {
        return coefficients.values().stream().allMatch(c -> c == 0);
    }

    /** This plus {@code other}. */
    Linear plus(Linear other) {
        Map<String, Double> sum = new TreeMap<>(coefficients);
        other.coefficients.forEach((name, c) -> sum.merge(name, c, Double::sum));
        return new Linear(constant + other.constant, sum);
    }

    /** This times {@code factor}. */
    Linear times(double factor) {
        Map<String, Double> scaled = new TreeMap<>();
        coefficients.forEach((name, c) -> scaled.put(name, c * factor));
        return new Linear(constant * factor, scaled);
    }

    /** This minus {@code other}. */
    Linear minus(Linear other) {
        return plus(other.times(-1));
    }

    /**
     * Compiles this against an array of values, as {@link Expression#bind} does.
     *
     * @throws IllegalArgumentException if a quantity has no index
     */
    ToDoubleFunction<double[]> bind(Map<String, Integer> index) {
        int n = coefficients.size();
        int[] at = new int[n];
        double[] c = new double[n];
        int i = 0;
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            Integer position = index.get(e.getKey());
            if (position == null) {
                throw new IllegalArgumentException("unknown quantity '" + e.getKey() + "'");
            }
            at[i] = position;
            c[i++] = e.getValue();
        }
        return v -> {
            double sum = constant;
            for (int k = 0; k < n; k++) sum += c[k] * v[at[k]];
            return sum;
        };
    }
}
