package dev.dualpath.bench.verdict.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down procedure (Holm 1979): controls the family-wise error rate at {@code alpha} for
 * any dependence between the tests, and is uniformly more powerful than Bonferroni. The smallest
 * p-value is compared with {@code alpha / k}, the next with {@code alpha / (k - 1)}, and so on,
 * stopping at the first that is not small enough.
 *
 * <p>Why it suits a benchmark gate: a large, clear regression has a tiny p-value and clears {@code
 * alpha / k} even when dozens of series are gated, while no single series' interval is widened —
 * the correction touches only the decision "significant", never the reported estimate or interval.
 */
public final class Holm {

    private Holm() {}

    /**
     * Holm-adjusted p-values: {@code p_adj(i) = max over j <= i of min(1, (k - j + 1) p(j))} in
     * ascending order of p. A test is rejected at level alpha exactly when its adjusted p-value is
     * at most alpha. NaN entries are not tests: they stay NaN and do not count in {@code k}.
     *
     * @param p raw p-values in [0, 1] or NaN
     * @return adjusted p-values, in the input's order
     */
    public static double[] adjust(double[] p) {
        Integer[] order =
                IntStream.range(0, p.length)
                        .filter(i -> !Double.isNaN(p[i]))
                        .boxed()
                        .sorted(Comparator.comparingDouble(i -> p[i]))
                        .toArray(Integer[]::new);
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        int k = order.length;
        double running = 0;
        for (int j = 0; j < k; j++) {
            double adj = Math.min(1, (k - j) * p[order[j]]);
            running = Math.max(running, adj);
            out[order[j]] = running;
        }
        return out;
    }
}
