package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A gate against a baseline from another day, on synthetic runs whose series each move by a known
 * run effect from one run to the next (the machine's speed that day) on top of their forks' noise.
 * Judged on forks alone, such A/A runs FAIL most of the time however many forks they have; with the
 * run-to-run spread estimated from earlier runs added, the false-alarm rate is back at the stated
 * level, while a ×1000 slowdown still FAILs and the estimate itself recovers known answers.
 */
class RunSpreadTest {

    private static final int SERIES = 40;

    /** The gate's stated one-sided level per family at 95 % confidence. */
    private static final double ALPHA = 0.025;

    /** Series move by about ±10 % from run to run; forks within a run by 3 %. */
    private static final SyntheticRuns DAYS = new SyntheticRuns(SERIES, 3, 0.03, 0.10);

    /**
     * A/A runs from different days, each judged with the spread of 8 earlier runs (a new history
     * every trial), where the run effect dominates, matches, or is dwarfed by the forks' noise.
     */
    @ParameterizedTest
    @CsvSource({"0.10, 0.03", "0.05, 0.05", "0.02, 0.10"})
    void aaRunsOnDifferentDays_raiseFalseAlarmsAtTheStatedLevelWithTheSpread(
            double runSd, double forkSd) {
        SyntheticRuns days = new SyntheticRuns(SERIES, 3, forkSd, runSd);
        Random random = new Random(11);
        int trials = 400;
        int withSpread = 0;
        for (int t = 0; t < trials; t++) {
            RunSpread spread = estimated(days, random, 8);
            if (fails(
                            new Gate(GateConfig.defaults(), spread)
                                    .compare(days.run(random), days.run(random)))
                    > 0) withSpread++;
        }
        assertThat((double) withSpread / trials)
                .as("A/A runs from different days with a false alarm, spread added")
                .isLessThanOrEqualTo(ALPHA);
    }

    @Test
    void aaRunsOnDifferentDays_failMostOfTheTimeOnForksAlone() {
        Random random = new Random(11);
        int trials = 200;
        int forksAlone = 0;
        for (int t = 0; t < trials; t++) {
            if (fails(new Gate(GateConfig.defaults()).compare(DAYS.run(random), DAYS.run(random)))
                    > 0) forksAlone++;
        }
        assertThat((double) forksAlone / trials)
                .as("A/A runs from different days with a false alarm, forks alone")
                .isGreaterThan(0.5);
    }

    @Test
    void timesAThousandOnOneSeriesStillFails_withTheSpreadAdded() {
        Random random = new Random(12);
        RunSpread spread = estimated(random, 8);
        JmhRun baseline = DAYS.run(random);
        JmhRun slow = DAYS.run(random, 17, 1000);

        GateResult result = new Gate(GateConfig.defaults(), spread).compare(baseline, slow);

        assertThat(row(result, 17).verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(fails(result)).isEqualTo(1);
    }

    @Test
    void aChangeWithinTheDaysSpread_isInconclusive_andSaysNoNumberOfForksDecidesIt() {
        Random random = new Random(13);
        RunSpread spread = estimated(random, 8);
        SyntheticRuns quietForks = new SyntheticRuns(SERIES, 3, 0.01, 0);
        JmhRun baseline = quietForks.run(random);
        JmhRun slower = quietForks.run(random, 3, 1.2);

        GateRow judged = row(new Gate(GateConfig.defaults()).compare(baseline, slower), 3);
        GateRow withSpread =
                row(new Gate(GateConfig.defaults(), spread).compare(baseline, slower), 3);

        assertThat(judged.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(withSpread.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(withSpread.note())
                .contains("no number of forks decides it")
                .contains("dualpath compare");
        assertThat(withSpread.forksToDecide())
                .isEqualTo(dev.dualpath.bench.verdict.stats.ForkPlanner.MAX_FORKS);
        assertThat(withSpread.change()).isCloseTo(judged.change(), offset(1e-12));
    }

    @Test
    void identicalRunsShowZeroChangeAndNoFail_withTheSpreadAdded() {
        Random random = new Random(14);
        RunSpread spread = estimated(random, 8);
        JmhRun run = DAYS.run(random);

        GateResult result = new Gate(GateConfig.defaults(), spread).compare(run, run);

        assertThat(fails(result)).isZero();
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.change()).isZero());
        assertThat(result.withSpread()).isEqualTo(SERIES);
    }

    @Test
    void theEstimateRecoversAKnownRunEffect_andIsZeroWithoutOne() {
        // Three runs whose forks agree within each run: the runs' means are -0.1, 0 and +0.1
        // apart on the log scale, so the spread is their standard deviation, 0.1, exactly.
        List<RunSpreadEstimator.Run> shifted = new ArrayList<>();
        List<RunSpreadEstimator.Run> same = new ArrayList<>();
        for (int r = -1; r <= 1; r++) {
            shifted.add(named("shifted" + r, constantForks(100 * Math.exp(0.1 * r))));
            same.add(named("same" + r, forks(100, 110, 90)));
        }

        RunSpread.Series known = only(RunSpreadEstimator.estimate(shifted, Set.of()));
        RunSpread.Series none = only(RunSpreadEstimator.estimate(same, Set.of()));

        assertThat(known.logSd()).isCloseTo(0.1, offset(1e-12));
        assertThat(known.runs()).isEqualTo(3);
        assertThat(none.logSd()).isZero();
    }

    @Test
    void theEstimateSubtractsWhatTheForksNoiseExplains() {
        // Run means differ only as much as three forks of 10 % noise make them: no run effect.
        Random random = new Random(15);
        SyntheticRuns noRunEffect = new SyntheticRuns(1, 3, 0.10, 0);
        List<RunSpreadEstimator.Run> runs = new ArrayList<>();
        for (int r = 0; r < 200; r++) runs.add(named("r" + r, noRunEffect.run(random)));

        RunSpread.Series s = only(RunSpreadEstimator.estimate(runs, Set.of()));

        assertThat(s.logSd()).isLessThan(0.02);
    }

    @Test
    void aSeriesInFewerThanThreeRunsHasNoSpread() {
        List<RunSpreadEstimator.Run> two =
                List.of(named("a", forks(1, 2, 3)), named("b", forks(1, 2, 3)));

        assertThat(RunSpreadEstimator.estimate(two, Set.of()).isEmpty()).isTrue();
    }

    @Test
    void aWrittenSpreadReadsBackTheSame(@TempDir Path dir) {
        RunSpread spread = estimated(new Random(16), 5);
        Path file = dir.resolve(RunSpread.FILE_NAME);

        spread.write(file);

        assertThat(RunSpread.read(file)).isEqualTo(spread);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"logSd\": \"NaN\", \"runs\": 4} | series.Bench.call [avgt].logSd",
                "{\"logSd\": -0.1, \"runs\": 4}    | logSd must be finite and >= 0",
                "{\"logSd\": 0.1, \"runs\": 2}     | at least 3 runs",
                "{\"logSd\": 0.1, \"runs\": 3.5}   | series.Bench.call [avgt].runs"
            })
    void aMalformedSeriesIsAnInputErrorNamingTheField(
            String entry, String message, @TempDir Path dir) throws IOException {
        String json = "{\"runs\": [], \"series\": {\"Bench.call [avgt]\": " + entry + "}}";

        assertThatThrownBy(() -> read(dir, json))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("spread.json");
    }

    @Test
    void anEmptyTruncatedOrAbsentSpreadFileIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> read(dir, "{\"runs\": [], \"series\": {}}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("series");
        assertThatThrownBy(() -> read(dir, "{\"runs\": [], \"series\""))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> RunSpread.read(dir.resolve("absent.json")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("absent.json");
    }

    private static RunSpread read(Path dir, String json) throws IOException {
        Path file = Files.writeString(dir.resolve("spread.json"), json);
        return RunSpread.read(file);
    }

    /** The spread estimated from {@code runs} earlier runs of {@link #DAYS}. */
    private static RunSpread estimated(Random random, int runs) {
        return estimated(DAYS, random, runs);
    }

    /** The spread estimated from {@code runs} earlier runs of {@code days}. */
    private static RunSpread estimated(SyntheticRuns days, Random random, int runs) {
        List<RunSpreadEstimator.Run> history = new ArrayList<>();
        for (int r = 0; r < runs; r++) history.add(named("day" + r, days.run(random)));
        return RunSpreadEstimator.estimate(history, Set.of());
    }

    private static RunSpreadEstimator.Run named(String name, JmhRun run) {
        return new RunSpreadEstimator.Run(name, run);
    }

    private static JmhRun constantForks(double value) {
        return forks(value, value, value);
    }

    /** A run of one series whose forks have the given means. */
    private static JmhRun forks(double... forkMeans) {
        List<List<Double>> perFork = new ArrayList<>();
        for (double v : forkMeans) perFork.add(List.of(v, v));
        Measurement m = Measurement.ofForks(SyntheticRuns.id(0), "us/op", perFork);
        return new JmhRun(Path.of("one.json"), List.of(m), "synthetic");
    }

    private static RunSpread.Series only(RunSpread spread) {
        assertThat(spread.series()).hasSize(1);
        return spread.series().values().iterator().next();
    }

    private static int fails(GateResult result) {
        return (int) result.count(GateVerdict.FAIL);
    }

    private static GateRow row(GateResult result, int series) {
        return result.rows().stream()
                .filter(r -> r.id().equals(SyntheticRuns.id(series)))
                .findFirst()
                .orElseThrow();
    }
}
