package dev.dualpath.bench.verdict.sequential;

/**
 * How a metric's change is measured and what its minimum effect means.
 *
 * <ul>
 *   <li>{@link #RELATIVE}: on the log scale, the minimum effect a fraction ({@code 0.03} = 3 %).
 *       For times and bytes: a change is a factor. A floor is added before the log so that a metric
 *       that is exactly 0 somewhere (bytes per op of an allocation-free path) stays finite.
 *   <li>{@link #ABSOLUTE}: a difference in the metric's unit, the minimum effect in that unit. For
 *       counts that are often exactly 0 (threads started per op, context switches per op), where "0
 *       to 0.02" matters and a ratio does not exist.
 * </ul>
 */
public enum Scale {
    /** log(value + floor); minimum effect relative. */
    RELATIVE {
        @Override
        public double transform(double value, double floor) {
            return Math.log(value + floor);
        }

        @Override
        public double threshold(double minEffect) {
            return Math.log1p(minEffect);
        }

        @Override
        public double display(double change) {
            return Math.expm1(change);
        }
    },
    /** value itself; minimum effect in the metric's unit. */
    ABSOLUTE {
        @Override
        public double transform(double value, double floor) {
            return value;
        }

        @Override
        public double threshold(double minEffect) {
            return minEffect;
        }

        @Override
        public double display(double change) {
            return change;
        }
    };

    /** The value on the scale the statistics work on. */
    public abstract double transform(double value, double floor);

    /** The minimum effect on that scale: a change at least this large counts. */
    public abstract double threshold(double minEffect);

    /** A change on that scale as reported: relative (fraction) or in the unit. */
    public abstract double display(double change);
}
