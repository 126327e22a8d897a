package dev.dualpath.bench.verdict.claims;

/**
 * How far a measured value may be from a claim's target and still agree with it: {@code relative *
 * |target| + absolute}, both non-negative. "~1.1 ms" with {@code relative: 0.5} accepts 0.55 to
 * 1.65 ms.
 *
 * @param relative fraction of the target
 * @param absolute in the claim's unit
 */
public record Tolerance(double relative, double absolute) {

    /** No slack. */
    public static final Tolerance NONE = new Tolerance(0, 0);

    /**
     * @throws IllegalArgumentException if either part is negative or not finite
     */
    public Tolerance {
        if (!(relative >= 0)
                || !(absolute >= 0)
                || Double.isInfinite(relative)
                || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("tolerance parts must be finite and >= 0");
        }
    }

    /** The allowed distance from {@code target}. */
    public double around(double target) {
        return relative * Math.abs(target) + absolute;
    }
}
