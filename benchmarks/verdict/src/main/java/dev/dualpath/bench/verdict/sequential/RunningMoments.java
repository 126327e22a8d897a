package dev.dualpath.bench.verdict.sequential;

/**
 * Count, mean and sample standard deviation of a stream of values (Welford's update, stable for
 * values that are all nearly equal, as an allocation count's are).
 */
final class RunningMoments {

    private int n;
    private double mean;
    private double m2;

    void add(double x) {
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
    }

    int count() {
        return n;
    }

    double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** Sample standard deviation; 0 for fewer than 2 values. */
    double sd() {
        return n < 2 ? 0 : Math.sqrt(Math.max(0, m2) / (n - 1));
    }
}
