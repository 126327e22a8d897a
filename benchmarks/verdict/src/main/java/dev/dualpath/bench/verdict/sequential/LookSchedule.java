package dev.dualpath.bench.verdict.sequential;

/**
 * When a comparison takes its planned looks, and what share of each metric's error rate each look
 * may spend: at a quarter, half and three quarters of the time budget, and a final look when the
 * comparison stops for its budget or runs out of blocks. The shares grow as {@code 1 : 4 : 9 : 16}
 * (of 30), so that the early looks, on few blocks, cost the later ones little; a look whose mark
 * was passed while another was due merges into it, and the final look gets whatever is left.
 *
 * <p>The looks are placed by elapsed time, never by the data, and the shares sum to at most 1, so
 * by the union bound a metric that FAILs only when one look's test at {@code α·share} rejects
 * raises a false alarm with probability at most {@code α}, however the comparison stops. Not
 * thread-safe: one schedule per comparison.
 */
public final class LookSchedule {

    /** The fractions of the budget at which the interim looks fall. */
    private static final double[] MARKS = {0.25, 0.5, 0.75};

    /** The shares of the interim looks and, last, of the final one. */
    private static final double[] SHARES = {1 / 30.0, 4 / 30.0, 9 / 30.0, 16 / 30.0};

    /** The final look's share when every interim look was taken. */
    public static final double FINAL_SHARE = SHARES[SHARES.length - 1];

    private int nextMark;
    private double spent;
    private boolean finished;

    /**
     * Returns the share the look due now may spend, 0 if no mark has been reached since the last
     * look (or the final look was taken).
     *
     * @param fractionOfBudget the elapsed time over the budget, any non-negative number
     * @return the share the look due now may spend, 0 if none is due
     */
    public double due(double fractionOfBudget) {
        if (finished) return 0;
        double share = 0;
        while (nextMark < MARKS.length && fractionOfBudget >= MARKS[nextMark]) {
            share += SHARES[nextMark++];
        }
        spent += share;
        return share;
    }

    /**
     * Returns the final look's share: what the interim looks left unspent; 0 if already taken.
     *
     * @return the final look's share
     */
    public double last() {
        if (finished) return 0;
        finished = true;
        double share = Math.max(0, 1 - spent);
        spent = 1;
        return share;
    }

    /** The share not yet spent: what the final look would get now. */
    public double remaining() {
        return finished ? 0 : Math.max(0, 1 - spent);
    }
}
