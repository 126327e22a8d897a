package dev.dualpath.bench.power;

import dev.dualpath.bench.verdict.sequential.Block;
import dev.dualpath.bench.verdict.stats.Distributions;
import java.util.List;

/**
 * The change a condition's pool actually measured in its metric, head over base: a knob sized as
 * "+10 %" need not make exactly that change, and a rate means little without the change it was
 * measured at. The mean over the undisturbed blocks of {@code mean(log head) − mean(log base)},
 * with a 95 % Student-t interval over blocks, as ratios minus 1.
 *
 * @param estimate the change, e.g. 0.153 for +15.3 %; NaN with fewer than 2 blocks
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param blocks the undisturbed blocks it rests on
 */
public record PoolChange(double estimate, double lower, double upper, int blocks) {

    /**
     * The change in {@code metric} over the undisturbed blocks of {@code pool}.
     *
     * @param pool the condition's blocks
     * @param metric the metric's name, e.g. {@code primary}
     * @return the change; NaN estimate and bounds when fewer than 2 blocks have the metric
     */
    public static PoolChange of(List<Block> pool, String metric) {
        double[] d =
                pool.stream()
                        .filter(b -> !b.isDisturbed())
                        .filter(b -> b.base().containsKey(metric) && b.head().containsKey(metric))
                        .mapToDouble(
                                b -> meanLog(b.head().get(metric)) - meanLog(b.base().get(metric)))
                        .toArray();
        int n = d.length;
        if (n < 2) {
            return new PoolChange(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double mean = 0;
        for (double x : d) mean += x;
        mean /= n;
        double ss = 0;
        for (double x : d) ss += (x - mean) * (x - mean);
        double half = Distributions.studentTQuantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new PoolChange(
                Math.expm1(mean), Math.expm1(mean - half), Math.expm1(mean + half), n);
    }

    private static double meanLog(double[] values) {
        double s = 0;
        for (double v : values) s += Math.log(v);
        return s / values.length;
    }
}
