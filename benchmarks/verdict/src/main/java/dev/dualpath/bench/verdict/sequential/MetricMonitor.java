package dev.dualpath.bench.verdict.sequential;

import java.util.Locale;

/**
 * The sequential decision for one metric of one series, block by block: screen, confirm, decide.
 *
 * <p><b>Screening.</b> Each block's oriented change (positive = worse, {@link
 * MetricSpec#worseChange}) enters a confidence sequence at level {@code α_s} ({@link
 * MixtureConfidenceSequence}), intersected over the looks. The metric PASSes when the interval's
 * upper end falls below the minimum effect; it is <em>suspected</em> when the interval lies above 0
 * and the estimate is at least the minimum effect.
 *
 * <p><b>Confirmation.</b> A suspected regression FAILs only if fresh blocks, in a new confidence
 * sequence at level {@code α_c}, show it again (interval above 0, estimate at least the minimum
 * effect); if the fresh blocks rule the minimum effect out instead, it PASSes. Under no change, a
 * metric FAILs only if both stages err, which happens with probability at most {@code α_s·α_c}:
 * with {@code K} metrics gated and {@code α_c = α / (K·α_s)} the whole comparison raises a false
 * alarm with probability at most {@code α}, while no stage's interval is widened by {@code K}. When
 * {@code K·α_s <= α} no confirmation is needed and a suspicion is a FAIL.
 */
public final class MetricMonitor {

    /** Where the metric stands. */
    public enum State {
        /** Collecting the first evidence. */
        SCREENING,
        /** A regression suspected; collecting fresh evidence. */
        CONFIRMING,
        /** Decided: a regression of at least the minimum effect. */
        FAIL,
        /** Decided: a regression of the minimum effect ruled out. */
        PASS;

        /** Whether the metric needs no more blocks. */
        public boolean decided() {
            return this == FAIL || this == PASS;
        }
    }

    private final MetricSpec spec;
    private final MixtureConfidenceSequence screen;
    private final MixtureConfidenceSequence confirm;
    private final double threshold;
    private final RunningMoments screening = new RunningMoments();
    private final RunningMoments confirming = new RunningMoments();
    private MixtureConfidenceSequence.Interval screenInterval =
            MixtureConfidenceSequence.Interval.WHOLE_LINE;
    private MixtureConfidenceSequence.Interval confirmInterval =
            MixtureConfidenceSequence.Interval.WHOLE_LINE;
    private State state = State.SCREENING;
    private double suspectedAt = Double.NaN;
    private String note = "";

    /**
     * @param spec the metric
     * @param screen the screening sequence (level {@code α_s})
     * @param confirm the confirmation sequence (level {@code α_c}), or null when a suspicion is a
     *     FAIL
     */
    public MetricMonitor(
            MetricSpec spec, MixtureConfidenceSequence screen, MixtureConfidenceSequence confirm) {
        this.spec = spec;
        this.screen = screen;
        this.confirm = confirm;
        this.threshold = spec.scale().threshold(spec.minEffect());
    }

    /** The metric. */
    public MetricSpec spec() {
        return spec;
    }

    /** Where it stands. */
    public State state() {
        return state;
    }

    /**
     * Adds one block's oriented change (ignored once decided).
     *
     * @param worseChange the block statistic, positive = worse, on the metric's scale
     */
    public void add(double worseChange) {
        if (state.decided()) return;
        if (state == State.SCREENING) {
            screening.add(worseChange);
            screenInterval = narrow(screenInterval, screen, screening);
            if (screenInterval.lower() > 0 && screening.mean() >= threshold) {
                suspectedAt = screening.mean();
                state = confirm == null ? State.FAIL : State.CONFIRMING;
            } else if (screenInterval.upper() < threshold) {
                state = State.PASS;
                if (screenInterval.lower() > 0) {
                    note = "significantly worse, but by less than the minimum effect";
                }
            }
            return;
        }
        confirming.add(worseChange);
        confirmInterval = narrow(confirmInterval, confirm, confirming);
        if (confirmInterval.lower() > 0 && confirming.mean() >= threshold) {
            state = State.FAIL;
        } else if (confirmInterval.upper() < threshold) {
            state = State.PASS;
            note =
                    "suspected at "
                            + pct(suspectedAt)
                            + ", not confirmed: fresh blocks rule the minimum effect out";
        }
    }

    /** Blocks in the stage that decides now (screening, or confirmation once suspected). */
    public int blocks() {
        return state == State.CONFIRMING || (state.decided() && confirming.count() > 0)
                ? confirming.count()
                : screening.count();
    }

    /** Blocks used in all, both stages. */
    public int totalBlocks() {
        return screening.count() + confirming.count();
    }

    /** The current stage's estimate of the oriented change, on the metric's scale. */
    public double estimate() {
        return current().mean();
    }

    /** The current stage's running interval of the oriented change. */
    public MixtureConfidenceSequence.Interval interval() {
        return confirming.count() > 0 ? confirmInterval : screenInterval;
    }

    /** The current stage's block-to-block standard deviation. */
    public double blockSd() {
        return current().sd();
    }

    /** What the reader should know beyond the state; empty if nothing. */
    public String note() {
        return note;
    }

    /**
     * For an undecided metric: about how many more blocks would decide it if the change and the
     * noise are what they seem, at the stage's level (a suspicion in screening also needs its
     * confirmation); 0 once decided, {@link Integer#MAX_VALUE} when no number would.
     */
    public int blocksToDecide() {
        if (state.decided()) return 0;
        RunningMoments m = current();
        if (m.count() < 2) return Integer.MAX_VALUE;
        MixtureConfidenceSequence cs = state == State.CONFIRMING ? confirm : screen;
        double mean = m.mean();
        boolean failing = mean >= threshold;
        double distance = failing ? mean : threshold - mean;
        long more = needed(cs, m.sd(), distance) - m.count();
        if (failing && state == State.SCREENING && confirm != null) {
            more += needed(confirm, m.sd(), distance);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, more));
    }

    private RunningMoments current() {
        return confirming.count() > 0 ? confirming : screening;
    }

    private static long needed(MixtureConfidenceSequence cs, double sd, double distance) {
        if (!(distance > 0)) return Integer.MAX_VALUE;
        for (int n = 2; n <= 10_000; n++) {
            double t = cs.boundary(n);
            if (Double.isFinite(t) && t * sd / Math.sqrt(n) < distance) return n;
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The running intersection. An empty intersection means the sequence has missed (probability at
     * most its α, or the data are not what the model assumes): keep the newest interval.
     */
    private static MixtureConfidenceSequence.Interval narrow(
            MixtureConfidenceSequence.Interval running,
            MixtureConfidenceSequence cs,
            RunningMoments m) {
        MixtureConfidenceSequence.Interval now = cs.interval(m.mean(), m.sd(), m.count());
        MixtureConfidenceSequence.Interval both = running.intersect(now);
        return both.lower() <= both.upper() ? both : now;
    }

    private String pct(double change) {
        double shown = spec.scale().display(change);
        return spec.scale() == Scale.RELATIVE
                ? String.format(Locale.ROOT, "%+.1f %%", shown * 100)
                : String.format(Locale.ROOT, "%+.4g", shown);
    }
}
