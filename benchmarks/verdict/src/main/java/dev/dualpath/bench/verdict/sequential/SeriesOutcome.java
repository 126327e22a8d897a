package dev.dualpath.bench.verdict.sequential;

import dev.dualpath.bench.verdict.gate.GateVerdict;
import java.util.List;

/**
 * Where one series of a sequential comparison ended.
 *
 * @param series its label
 * @param metrics one outcome per gated metric
 * @param blocks blocks judged (disturbed ones excluded)
 * @param discarded blocks measured on a disturbed machine and set aside
 * @param disturbances why each discarded block was set aside
 * @param seconds wall time spent on the series' blocks, discarded ones included
 */
public record SeriesOutcome(
        String series,
        List<MetricOutcome> metrics,
        int blocks,
        int discarded,
        List<String> disturbances,
        double seconds) {

    /** Freezes the lists. */
    public SeriesOutcome {
        metrics = List.copyOf(metrics);
        disturbances = List.copyOf(disturbances);
    }

    /**
     * One metric's outcome.
     *
     * @param spec the metric
     * @param verdict FAIL, PASS or INCONCLUSIVE
     * @param state where its monitor stood
     * @param change the estimate as reported: a relative change (0.05 = +5 %, worse positive) or a
     *     difference in the unit
     * @param lower the interval's lower end, same terms
     * @param upper the interval's upper end, same terms
     * @param blocks blocks judged
     * @param blocksToDecide for INCONCLUSIVE, about how many more blocks would decide it
     * @param note what the reader should know
     */
    public record MetricOutcome(
            MetricSpec spec,
            GateVerdict verdict,
            MetricMonitor.State state,
            double change,
            double lower,
            double upper,
            int blocks,
            int blocksToDecide,
            String note) {

        static MetricOutcome of(MetricMonitor m, String unmeasured, String retired) {
            Scale scale = m.spec().scale();
            MixtureConfidenceSequence.Interval i = m.interval();
            GateVerdict verdict =
                    switch (m.state()) {
                        case FAIL -> GateVerdict.FAIL;
                        case PASS -> GateVerdict.PASS;
                        default -> GateVerdict.INCONCLUSIVE;
                    };
            String note = m.note();
            if (unmeasured != null) note = unmeasured;
            if (!m.state().decided() && retired != null)
                note = note.isEmpty() ? retired : note + "; " + retired;
            return new MetricOutcome(
                    m.spec(),
                    unmeasured != null ? GateVerdict.INCONCLUSIVE : verdict,
                    m.state(),
                    scale.display(m.estimate()),
                    scale.display(i.lower()),
                    scale.display(i.upper()),
                    m.blocks(),
                    m.blocksToDecide(),
                    note);
        }
    }
}
