package dev.dualpath.bench.verdict.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Number and path formatting for every report, always with {@link Locale#ROOT} so a report reads
 * the same (and golden files match) whatever the machine's locale.
 */
public final class Fmt {

    private Fmt() {}

    /**
     * Returns 4 significant digits, plain for 1e-3 &lt;= |x| &lt; 1e6, scientific otherwise; {@code
     * n/a} for NaN, {@code inf}/{@code -inf} for infinities.
     *
     * @param x any double
     */
    public static String num(double x) {
        if (Double.isNaN(x)) return "n/a";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return "0";
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e6) {
            return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /** A relative change as a signed percentage with one decimal, e.g. {@code +12.3 %}. */
    public static String pct(double fraction) {
        if (Double.isNaN(fraction)) return "n/a";
        if (Double.isInfinite(fraction)) return fraction > 0 ? "+inf %" : "-inf %";
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    /** A non-negative fraction as a percentage with one decimal, e.g. {@code 5.0 %}. */
    public static String share(double fraction) {
        if (Double.isNaN(fraction)) return "n/a";
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** {@code [lo, hi]} with {@link #num}. */
    public static String interval(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) return "n/a";
        return "[" + num(lo) + ", " + num(hi) + "]";
    }

    /** A number rounded to 6 significant digits for JSON, or null for NaN/infinite. */
    public static BigDecimal json(double x) {
        if (!Double.isFinite(x)) return null;
        if (x == 0) return BigDecimal.ZERO;
        return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros();
    }

    /**
     * The last two segments of a path with {@code /}, so reports do not depend on where they ran.
     */
    public static String shortPath(Path p) {
        if (p == null) return "none";
        int n = p.getNameCount();
        Path tail = n >= 2 ? p.subpath(n - 2, n) : p.getFileName();
        return tail.toString().replace('\\', '/');
    }
}
