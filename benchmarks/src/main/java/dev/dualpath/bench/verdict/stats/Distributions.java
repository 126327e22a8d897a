package dev.dualpath.bench.verdict.stats;

/**
 * The few distribution functions the bootstrap needs, written out so the verdict code has no maths
 * dependency. Accuracy is far beyond what a confidence level needs: the normal CDF has a relative
 * error below 1.2e-7 (Numerical Recipes' {@code erfcc}); Student's t uses the regularized
 * incomplete beta function by continued fraction, inverted by bisection to 1e-10.
 */
public final class Distributions {

    private Distributions() {}

    /**
     * Returns P(Z &lt;= x) for a standard normal Z.
     *
     * @param x any real
     */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2.0));
    }

    /**
     * The cumulative distribution function of Student's t.
     *
     * @param t any real
     * @param df degrees of freedom, &gt; 0
     * @return P(T &lt;= t) for Student's t with {@code df} degrees of freedom
     * @throws IllegalArgumentException if df is not positive
     */
    public static double studentTCdf(double t, double df) {
        if (!(df > 0)) throw new IllegalArgumentException("df must be > 0, was " + df);
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
        return t >= 0 ? 1.0 - tail : tail;
    }

    /**
     * The quantile function (inverse CDF) of Student's t.
     *
     * @param p probability in (0, 1)
     * @param df degrees of freedom, &gt; 0
     * @return t such that P(T &lt;= t) = p
     * @throws IllegalArgumentException if p is outside (0, 1) or df is not positive
     */
    public static double studentTQuantile(double p, double df) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0,1), was " + p);
        if (p < 0.5) return -studentTQuantile(1 - p, df);
        double lo = 0;
        double hi = 1;
        while (studentTCdf(hi, df) < p) hi *= 2;
        while (hi - lo > 1e-10 * Math.max(1, hi)) {
            double mid = 0.5 * (lo + hi);
            if (studentTCdf(mid, df) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans =
                t
                        * Math.exp(
                                -z * z
                                        - 1.26551223
                                        + t
                                                * (1.00002368
                                                        + t
                                                                * (0.37409196
                                                                        + t
                                                                                * (0.09678418
                                                                                        + t
                                                                                                * (-0.18628806
                                                                                                        + t
                                                                                                                * (0.27886807
                                                                                                                        + t
                                                                                                                                * (-1.13520398
                                                                                                                                        + t
                                                                                                                                                * (1.48851587
                                                                                                                                                        + t
                                                                                                                                                                * (-0.82215223
                                                                                                                                                                        + t
                                                                                                                                                                                * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /** I_x(a, b), Numerical Recipes 6.4. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front =
                Math.exp(
                        lnGamma(a + b)
                                - lnGamma(a)
                                - lnGamma(b)
                                + a * Math.log(x)
                                + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(x, a, b) / a;
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) break;
        }
        return h;
    }

    /** ln Gamma(x) for x &gt; 0, Lanczos approximation (g=7, n=9). */
    static double lnGamma(double x) {
        double[] g = {
            0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
            -176.6150291621406, 12.507343278686905, -0.13857109526572012, 0.000009984369578019572,
            1.5056327351493116e-7
        };
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += g[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
