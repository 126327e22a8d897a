package dev.dualpath.bench.verdict.stats;

/**
 * The Wilson score interval of a proportion (Wilson 1927): {@code k} successes in {@code n}
 * independent trials. Unlike {@code p ± z·sqrt(p(1-p)/n)} it stays within [0, 1] and is not
 * degenerate at 0 of 20 or 20 of 20, which is where power and false-alarm rates live.
 *
 * @param successes k
 * @param trials n
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 */
public record Wilson(int successes, int trials, double lower, double upper) {

    /**
     * The Wilson score interval of k successes in n trials.
     *
     * @param successes k, 0 &lt;= k &lt;= n
     * @param trials n &gt; 0
     * @param confidence two-sided level, e.g. 0.95
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public static Wilson of(int successes, int trials, double confidence) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " of " + trials);
        }
        double z = Distributions.normalQuantile(1 - (1 - confidence) / 2);
        double p = (double) successes / trials;
        double z2n = z * z / trials;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / trials + z2n / (4.0 * trials)) / (1 + z2n);
        return new Wilson(
                successes, trials, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** k / n. */
    public double rate() {
        return (double) successes / trials;
    }
}
