package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.Fixtures;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate as a new user tries it: on a copy of the committed 3-fork baseline with one benchmark's
 * scores and raw data multiplied. Before the log-scale, Holm-corrected statistic, ×1.5 on a series
 * whose forks agree within 2 % and even ×1000 on in-memory {@code DIRECT} came out INCONCLUSIVE,
 * and the baseline against itself showed an interval of ±125 % around a change of exactly zero. A
 * series with a fork the baseline's run flagged (a disturbed machine, a JIT still compiling) is
 * never judged, whatever the change: for those the test checks that the row says so instead.
 */
class CommittedBaselineTest {

    private static final JmhRun BASELINE = new JmhResultReader().read(Fixtures.projectBaseline());

    /** The baseline's series with a fork measured disturbed or still warming up. */
    private static final RunDisturbance FLAGGED =
            RunDisturbance.of(BASELINE, DisturbanceRule.DEFAULT);

    /** The series the gate judges: every primary series of the baseline but the flagged ones. */
    static Stream<BenchmarkId> everyJudgedPrimarySeries() {
        return BASELINE.primaries().stream()
                .map(Measurement::id)
                .filter(id -> FLAGGED.reason(id).isEmpty());
    }

    static Stream<BenchmarkId> everyFlaggedPrimarySeries() {
        return BASELINE.primaries().stream()
                .map(Measurement::id)
                .filter(id -> FLAGGED.reason(id).isPresent());
    }

    /** Whether {@code m} is loopback {@code DIRECT} at 10 ms: its forks agree within 2 %. */
    private static boolean isLoopback10msDirect(Measurement m) {
        return m.id().secondary() == null
                && m.id().benchmark().endsWith("LoopbackLatencyBenchmark.call")
                && "10".equals(m.id().params().get("delayMs"))
                && "DIRECT".equals(m.id().params().get("path"));
    }

    private static final BenchmarkId LOOPBACK_10MS_DIRECT_ID =
            BASELINE.primaries().stream()
                    .filter(CommittedBaselineTest::isLoopback10msDirect)
                    .findFirst()
                    .orElseThrow()
                    .id();

    @Test
    void almostEverySeriesOfTheBaselineIsJudged() {
        // A baseline is refreshed from a run with as few flagged forks as the machine allows; a
        // flagged series never PASSes, so many of them would leave the gate with little to say.
        assertThat(everyJudgedPrimarySeries().count()).isGreaterThanOrEqualTo(15);
        assertThat(everyFlaggedPrimarySeries().count()).isLessThanOrEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("everyJudgedPrimarySeries")
    void timesAThousandOnAnyOneBenchmarkFails(BenchmarkId id) {
        GateResult result =
                new Gate(GateConfig.defaults())
                        .compare(BASELINE, scaled(m -> m.id().equals(id), 1000));

        assertThat(row(result, id).verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(result.exitCode(false)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("everyFlaggedPrimarySeries")
    void aSeriesFlaggedInTheBaseline_stillFailsAtTimesAThousand_fromAQuietRun(BenchmarkId id) {
        // A later run of this series ×1000, its forks on a quiet machine: the copy keeps every
        // secondary but this series' machine and JIT records, which made the baseline's flag.
        List<Measurement> ms = new ArrayList<>();
        for (Measurement m : BASELINE.measurements()) {
            boolean ownRecord =
                    m.id().secondary() != null
                            && BenchmarkId.primary(
                                            m.id().benchmark(), m.id().mode(), m.id().params())
                                    .equals(id)
                            && (m.id().secondary().startsWith("machine.")
                                    || m.id().secondary().equals(RunDisturbance.JIT));
            if (!ownRecord) ms.add(m.id().equals(id) ? m.scaled(1000) : m);
        }
        GateRow row =
                row(
                        new Gate(GateConfig.defaults())
                                .compare(BASELINE, new JmhRun(BASELINE.file(), ms, BASELINE.jvm())),
                        id);

        assertThat(row.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(row.note()).contains("baseline: ").contains("the FAIL stands");
    }

    @ParameterizedTest
    @MethodSource("everyFlaggedPrimarySeries")
    void aSeriesFlaggedInTheBaseline_isNotJudgedAgainstItself(BenchmarkId id) {
        GateRow row = row(new Gate(GateConfig.defaults()).compare(BASELINE, BASELINE), id);

        assertThat(row.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(row.note()).startsWith(GateRow.NOT_JUDGED);
    }

    @Test
    void oneAndAHalfTimesOnLoopbackTenMillisecondsDirectFails() {
        JmhRun slow = scaled(CommittedBaselineTest::isLoopback10msDirect, 1.5);
        BenchmarkId id = LOOPBACK_10MS_DIRECT_ID;

        GateRow row = row(new Gate(GateConfig.defaults()).compare(BASELINE, slow), id);

        assertThat(row.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(row.change()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theBaselineAgainstItselfHasNoFailAndAZeroChangeWithAZeroWidthInterval() {
        GateResult result = new Gate(GateConfig.defaults()).compare(BASELINE, BASELINE);

        assertThat(result.count(GateVerdict.FAIL)).isZero();
        assertThat(result.rows())
                .filteredOn(r -> r.ratio().isDefined())
                .allSatisfy(
                        r -> {
                            assertThat(r.change()).isZero();
                            assertThat(r.ratio().lower()).isGreaterThan(0);
                        });
    }

    /** The spread the main job's gate adds: the committed runs' run-to-run spread. */
    private static final RunSpread SPREAD = RunSpread.read(Fixtures.projectRunSpread());

    @Test
    void theCommittedSpreadCoversTheSeriesTheMainJobRuns() {
        assertThat(SPREAD.runs()).hasSizeGreaterThanOrEqualTo(RunSpread.MIN_RUNS);
        assertThat(everyJudgedPrimarySeries().filter(id -> SPREAD.of(id).isPresent()).count())
                .isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("everyJudgedPrimarySeries")
    void timesAThousandOnAnyOneBenchmarkFails_withTheCommittedSpreadAdded(BenchmarkId id) {
        GateResult result =
                new Gate(GateConfig.defaults(), SPREAD)
                        .compare(BASELINE, scaled(m -> m.id().equals(id), 1000));

        assertThat(row(result, id).verdict()).isEqualTo(GateVerdict.FAIL);
    }

    @Test
    void oneAndAHalfTimesOnLoopbackTenMillisecondsDirectFails_withTheCommittedSpreadAdded() {
        BenchmarkId id = LOOPBACK_10MS_DIRECT_ID;

        GateRow row =
                row(
                        new Gate(GateConfig.defaults(), SPREAD)
                                .compare(
                                        BASELINE,
                                        scaled(CommittedBaselineTest::isLoopback10msDirect, 1.5)),
                        id);

        assertThat(row.verdict()).isEqualTo(GateVerdict.FAIL);
    }

    @Test
    void theBaselineAgainstItselfHasNoFailAndAZeroChange_withTheCommittedSpreadAdded() {
        GateResult result = new Gate(GateConfig.defaults(), SPREAD).compare(BASELINE, BASELINE);

        assertThat(result.count(GateVerdict.FAIL)).isZero();
        assertThat(result.withSpread()).isPositive();
        assertThat(result.rows())
                .filteredOn(r -> r.ratio().isDefined())
                .allSatisfy(r -> assertThat(r.change()).isZero());
    }

    private static JmhRun scaled(Predicate<Measurement> which, double factor) {
        List<Measurement> ms = new ArrayList<>();
        for (Measurement m : BASELINE.measurements()) ms.add(which.test(m) ? m.scaled(factor) : m);
        return new JmhRun(BASELINE.file(), ms, BASELINE.jvm());
    }

    private static GateRow row(GateResult result, BenchmarkId id) {
        return result.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
