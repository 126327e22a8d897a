package dev.dualpath.bench.verdict.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateEvidenceTest {

    private static Measurement series(
            String name, double mean, double forkNoise, int forks, long seed) {
        Random rng = new Random(seed);
        List<List<Double>> raw = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double fm = mean * (1 + forkNoise * rng.nextGaussian());
            raw.add(List.of(fm, fm * 1.001, fm * 0.999));
        }
        return new Measurement(
                BenchmarkId.primary("x." + name + ".m", "avgt", Map.of()),
                "us/op",
                1,
                forks,
                mean,
                Double.NaN,
                Map.of(),
                raw,
                List.of());
    }

    private static EvidenceSettings settings() {
        GateConfig gate =
                new GateConfig(0.05, List.of(), Set.of(), new BootstrapSettings(2000, 0.95, 42));
        return new EvidenceSettings(10, 0.10, 10, 0.8, gate);
    }

    @Test
    void lowNoiseRunsShowNoFalseAlarmAndCatchTheSlowdown() {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) ms.add(series("B" + i, 100 + i, 0.02, 12, i));
        EvidenceResult r =
                new GateEvidence(settings())
                        .evaluate(List.of(new JmhRun(Path.of("a.json"), ms, "jvm")));
        assertThat(r.falseAlarms()).isZero();
        assertThat(r.misses()).isZero();
        assertThat(r.detection()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void veryNoisyDataNeverCallsTheSlowdownSafe() {
        EvidenceResult r =
                new GateEvidence(settings())
                        .evaluate(
                                List.of(
                                        new JmhRun(
                                                Path.of("a.json"),
                                                List.of(series("N", 100, 0.4, 12, 9)),
                                                "jvm")));
        assertThat(r.misses()).isZero();
        assertThat(r.rows().get(0).slowInconclusive()).isPositive();
        assertThat(r.passed()).isFalse();
    }

    @Test
    void forksArePooledAcrossRunsAndShortSeriesAreSkipped() {
        JmhRun a =
                new JmhRun(
                        Path.of("a.json"),
                        List.of(series("P", 100, 0.02, 5, 1), series("S", 100, 0.02, 3, 2)),
                        "jvm");
        JmhRun b =
                new JmhRun(
                        Path.of("b.json"),
                        List.of(series("P", 100, 0.02, 5, 3), series("S", 100, 0.02, 3, 4)),
                        "jvm");
        EvidenceResult r = new GateEvidence(settings()).evaluate(List.of(a, b));
        assertThat(r.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.forks()).isEqualTo(10));
        assertThat(r.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("6 forks"));
    }

    /** Series of 20 splits each: A/A FAILs, and injected slowdowns judged PASS (the rest FAIL). */
    private static EvidenceResult judged(int[] aaFails, int[] slowPasses) {
        List<EvidenceResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < aaFails.length; i++) {
            rows.add(
                    new EvidenceResult.Row(
                            BenchmarkId.primary("x.R" + i + ".m", "avgt", Map.of()),
                            20,
                            aaFails[i],
                            20 - aaFails[i],
                            0,
                            20 - slowPasses[i],
                            slowPasses[i],
                            0,
                            0.05));
        }
        return new EvidenceResult(rows, List.of(), settings());
    }

    private static final int[] NONE = {0, 0, 0, 0};

    @Test
    void falseAlarmsAtTheTestsOwnLevelAreNotCalledFalseAlarms() {
        // 3 of 80 = 3.75 %: its Wilson interval [1.3 %, 10.5 %] reaches down to the 2.5 % level.
        EvidenceResult r = judged(new int[] {1, 1, 1, 0}, NONE);
        assertThat(r.designedLevel()).isCloseTo(0.025, within(1e-12));
        assertThat(r.aaJudgements()).isEqualTo(80);
        assertThat(r.falseAlarmsWithinLevel()).isTrue();
        assertThat(r.passed()).isTrue();
        assertThat(EvidenceReport.markdown(r))
                .startsWith("# Gate evidence: PASSED")
                .contains("3 of 80 judgements = 3.8 % [1.3 %, 10.5 %], within the level");
    }

    @Test
    void falseAlarmsAboveTheLevelAreReported() {
        // 5 of 80: the interval [2.7 %, 13.8 %] lies wholly above 2.5 %.
        EvidenceResult r = judged(new int[] {2, 1, 1, 1}, NONE);
        assertThat(r.falseAlarmsWithinLevel()).isFalse();
        assertThat(r.missesWithinLevel()).isTrue();
        assertThat(r.passed()).isFalse();
        assertThat(EvidenceReport.markdown(r))
                .startsWith("# Gate evidence: NOT SHOWN")
                .contains(
                        "False alarms (A/A FAIL): 5 of 80 judgements = 6.3 % [2.7 %, 13.8 %],"
                                + " ABOVE the level");
    }

    @Test
    void missesAreJudgedByTheirRateToo() {
        EvidenceResult one = judged(NONE, new int[] {0, 0, 1, 0});
        assertThat(one.slowJudgements()).isEqualTo(80);
        assertThat(one.missesWithinLevel()).isTrue();
        assertThat(one.passed()).isTrue();
        assertThat(EvidenceReport.markdown(one))
                .contains(
                        "Injected slowdowns judged PASS: 1 of 80 judgements = 1.3 % [0.2 %, 6.7 %],"
                                + " within the level");

        EvidenceResult five = judged(NONE, new int[] {0, 0, 5, 0});
        assertThat(five.missesWithinLevel()).isFalse();
        assertThat(five.falseAlarmsWithinLevel()).isTrue();
        assertThat(five.passed()).isFalse();
        assertThat(EvidenceReport.markdown(five))
                .contains("Injected slowdowns judged PASS: 5 of 80 judgements")
                .contains("ABOVE the level");
    }

    @Test
    void nothingJudgedShowsNothing() {
        EvidenceResult r = judged(new int[0], new int[0]);
        assertThat(r.falseAlarmsWithinLevel()).isFalse();
        assertThat(r.missesWithinLevel()).isFalse();
        assertThat(r.passed()).isFalse();
        assertThat(EvidenceReport.markdown(r))
                .contains("False alarms (A/A FAIL): no series judged");
    }

    @Test
    void pureForkNoiseOverManySeriesFailsAtAboutTheTestsLevel() {
        // 1,000 unchanged series whose 12 forks vary by 10 %, 10 splits each: a split that puts the
        // slower forks on one side is a real A/A difference, and a test at a 2.5 % one-sided level
        // FAILs about 1 judgement in 40 of them. (40 such series gave 14 of 400, 3.5 %: a few
        // series' data, reshuffled, is too little to read a rate from.) A judge at a 5 % level
        // would give twice as many.
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) ms.add(series("Q" + i, 100, 0.10, 12, 7000 + i));
        EvidenceResult r =
                new GateEvidence(settings())
                        .evaluate(List.of(new JmhRun(Path.of("a.json"), ms, "jvm")));
        assertThat(r.aaJudgements()).isEqualTo(10_000);
        assertThat(r.falseAlarms()).isPositive();
        assertThat(r.falseAlarmRate().rate()).isLessThan(1.5 * r.designedLevel());
        assertThat(r.falseAlarmsWithinLevel()).isTrue();
    }
}
