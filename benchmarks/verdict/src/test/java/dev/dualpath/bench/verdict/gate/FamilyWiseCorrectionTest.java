package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gating many series at once, on synthetic runs of 40 series with known answers (fixed seeds): the
 * A/A false-alarm rate stays at or below the stated 2.5 %, while a ×1000 slowdown of one series
 * still FAILs with as few as 2 forks a side — the correction decides "significant", it does not
 * widen every interval until nothing can FAIL.
 */
class FamilyWiseCorrectionTest {

    private static final int SERIES = 40;

    /** The gate's stated one-sided level per family at 95 % confidence. */
    private static final double ALPHA = 0.025;

    @Test
    void aaRunsOfFortyNoisySeries_falseAlarmRateIsAtMostTheStatedLevel() {
        Random random = new Random(7);
        int runs = 400;
        int familyWiseRunsWithAFail = 0;
        int perSeriesRunsWithAFail = 0;
        for (int run = 0; run < runs; run++) {
            JmhRun a = run(random, 3, 0.10, -1, 1.0);
            JmhRun b = run(random, 3, 0.10, -1, 1.0);
            if (fails(new Gate(config(true)).compare(a, b)) > 0) familyWiseRunsWithAFail++;
            if (fails(new Gate(config(false)).compare(a, b)) > 0) perSeriesRunsWithAFail++;
        }
        assertThat((double) familyWiseRunsWithAFail / runs)
                .as("runs with a false alarm, Holm over %d series", SERIES)
                .isLessThanOrEqualTo(ALPHA);
        assertThat((double) perSeriesRunsWithAFail / runs)
                .as("runs with a false alarm without a correction")
                .isGreaterThan(3 * ALPHA);
    }

    /** The known answer: a run copied and one series multiplied by 1000. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 10})
    void timesAThousandOnOneOfFortySeriesFails_atAnyForkCountFromTwo(int forks) {
        JmhRun base = run(new Random(forks), forks, 0.10, -1, 1.0);
        JmhRun slow = scaled(base, 17, 1000);

        GateResult result = new Gate(GateConfig.defaults()).compare(base, slow);

        assertThat(verdictOf(result, 17)).isEqualTo(GateVerdict.FAIL);
        assertThat(fails(result)).isEqualTo(1);
    }

    /** The same with the slow run measured anew (its own noise), from 3 forks a side. */
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 10})
    void timesAThousandOnOneOfFortyIndependentlyMeasuredSeriesFails(int forks) {
        Random random = new Random(100 + forks);
        JmhRun base = run(random, forks, 0.10, -1, 1.0);
        JmhRun slow = run(random, forks, 0.10, 17, 1000);

        assertThat(verdictOf(new Gate(GateConfig.defaults()).compare(base, slow), 17))
                .isEqualTo(GateVerdict.FAIL);
    }

    @Test
    void identicalRunsShowZeroChangeAndNeverFail() {
        for (int forks = 2; forks <= 6; forks++) {
            JmhRun base = run(new Random(forks), forks, 0.10, -1, 1.0);
            GateResult result = new Gate(GateConfig.defaults()).compare(base, base);
            assertThat(fails(result)).isZero();
            assertThat(result.rows()).allSatisfy(r -> assertThat(r.change()).isZero());
        }
    }

    private static GateConfig config(boolean familyWise) {
        GateConfig d = GateConfig.defaults();
        return new GateConfig(0.05, List.of(), Set.of(), d.bootstrap(), familyWise);
    }

    private static int fails(GateResult result) {
        return (int) result.rows().stream().filter(r -> r.verdict() == GateVerdict.FAIL).count();
    }

    private static GateVerdict verdictOf(GateResult result, int series) {
        return result.rows().stream()
                .filter(r -> r.id().params().get("series").equals(Integer.toString(series)))
                .findFirst()
                .orElseThrow()
                .verdict();
    }

    private static JmhRun scaled(JmhRun run, int series, double factor) {
        List<Measurement> ms = new ArrayList<>();
        for (Measurement m : run.measurements()) {
            boolean slow = m.id().params().get("series").equals(Integer.toString(series));
            ms.add(slow ? m.scaled(factor) : m);
        }
        return new JmhRun(Path.of("scaled.json"), ms, "synthetic");
    }

    /**
     * A run of {@link #SERIES} series of {@code forkCount} forks, fork means log-normal around 100
     * with the given spread, series {@code slowSeries} (or none, -1) multiplied by {@code
     * slowFactor}.
     */
    private static JmhRun run(
            Random random, int forkCount, double spread, int slowSeries, double slowFactor) {
        return new SyntheticRuns(SERIES, forkCount, spread, 0).run(random, slowSeries, slowFactor);
    }
}
