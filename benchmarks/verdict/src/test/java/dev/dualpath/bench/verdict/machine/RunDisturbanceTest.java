package dev.dualpath.bench.verdict.machine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.gate.Gate;
import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.gate.GateRow;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunDisturbanceTest {

    private static final BenchmarkId DIRECT =
            BenchmarkId.primary(
                    "dev.dualpath.bench.InMemoryOverheadBenchmark.call",
                    "avgt",
                    Map.of("path", "DIRECT"));

    /** Per-fork values of one series: each fork's iterations all equal its value. */
    private static Measurement series(BenchmarkId id, String unit, double... forkValues) {
        return Measurement.ofForks(
                id, unit, Arrays.stream(forkValues).mapToObj(v -> List.of(v, v, v)).toList());
    }

    /**
     * A run of one series, 5 forks, with the machine secondaries; {@code foreign} per fork, the
     * calibration loop at its best everywhere.
     */
    private static JmhRun run(double scale, double[] foreign, double[] stubCpu) {
        return run(scale, foreign, stubCpu, new double[] {3500, 3510, 3490, 3500, 3505});
    }

    /** As {@link #run(double, double[], double[])}, the calibration loop's µs per fork given. */
    private static JmhRun run(
            double scale, double[] foreign, double[] stubCpu, double[] calibration) {
        List<Measurement> ms = new ArrayList<>();
        ms.add(
                series(
                        DIRECT,
                        "us/op",
                        3.0 * scale,
                        3.1 * scale,
                        2.9 * scale,
                        3.0 * scale,
                        3.05 * scale));
        ms.add(series(DIRECT.withSecondary(RunDisturbance.FOREIGN), "cpus", foreign));
        ms.add(series(DIRECT.withSecondary(RunDisturbance.STEAL), "share", 0, 0, 0, 0, 0));
        ms.add(series(DIRECT.withSecondary(RunDisturbance.LOAD), "load", 1, 1, 1, 1, 1));
        ms.add(series(DIRECT.withSecondary(RunDisturbance.CALIBRATION), "us", calibration));
        if (stubCpu != null) {
            ms.add(series(DIRECT.withSecondary(RunDisturbance.STUB_CPU), "CPUs", stubCpu));
        }
        return new JmhRun(Path.of("synthetic.json"), ms, "synthetic");
    }

    private static final double[] QUIET = {0.02, 0.03, 0.01, 0.02, 0.02};

    /** {@link #run} with the JIT's ms per iteration recorded, the iterations {@code iteration}. */
    private static JmhRun withJit(JmhRun run, double[] jitMillis, Duration iteration) {
        List<Measurement> ms = new ArrayList<>(run.measurements());
        ms.add(series(DIRECT.withSecondary(RunDisturbance.JIT), "ms", jitMillis));
        Map<BenchmarkId, Duration> times = iteration == null ? Map.of() : Map.of(DIRECT, iteration);
        return new JmhRun(run.file(), ms, run.jvm(), Map.of(), times);
    }

    @Test
    void aForkStillCompilingWhileMeasured_isFlaggedAsWarmingUp_notAsABusyMachine() {
        double[] jit = {5, 300, 2, 10, 0};
        JmhRun compiling = withJit(run(1, QUIET, null), jit, Duration.ofMillis(500));

        RunDisturbance d = RunDisturbance.of(compiling, DisturbanceRule.DEFAULT);

        assertThat(d.disturbedForks(DIRECT)).containsExactly(1);
        assertThat(d.reason(DIRECT))
                .hasValue(
                        "1 of 5 forks measured while still warming up (the JIT was compiling for"
                                + " 60 % of the measured time)");
    }

    @Test
    void compileTimeWithoutTheIterationTime_orBelowTheShare_flagsNothing() {
        double[] jit = {5, 300, 2, 10, 0};
        assertThat(
                        RunDisturbance.of(
                                        withJit(run(1, QUIET, null), jit, null),
                                        DisturbanceRule.DEFAULT)
                                .isEmpty())
                .as("no iteration time: the share is unknown")
                .isTrue();
        assertThat(
                        RunDisturbance.of(
                                        withJit(run(1, QUIET, null), jit, Duration.ofSeconds(2)),
                                        DisturbanceRule.DEFAULT)
                                .isEmpty())
                .as("300 ms of a 2 s iteration is 15 %, under the 25 % bar")
                .isTrue();
    }

    @Test
    void aBusyMachineAndAWarmingFork_sayBoth_underTheMachineHeading() {
        double[] jit = {5, 300, 2, 10, 0};
        JmhRun both =
                withJit(
                        run(1, new double[] {0.02, 1.02, 0.01, 0.02, 0.02}, null),
                        jit,
                        Duration.ofMillis(500));

        assertThat(RunDisturbance.of(both, DisturbanceRule.DEFAULT).reason(DIRECT))
                .hasValueSatisfying(
                        why ->
                                assertThat(why)
                                        .startsWith(
                                                "1 of 5 forks measured on a disturbed machine"
                                                        + " (other processes used 1.02 CPUs")
                                        .contains("; the JIT was compiling for 60 %"));
    }

    /** {@link #run} with fork 2's calibration loop at {@code slowdown}, the fork at {@code own}. */
    private static JmhRun slowCalibration(double slowdown, double[] own) {
        double[] calibration = {3500, 3500 * slowdown, 3490, 3500, 3505};
        List<Measurement> ms = new ArrayList<>(run(1, QUIET, null, calibration).measurements());
        if (own != null) {
            ms.add(series(DIRECT.withSecondary(RunDisturbance.OWN), "cpus", own));
        }
        return new JmhRun(Path.of("synthetic.json"), ms, "synthetic");
    }

    @Test
    void aSlowCalibrationLoop_flagsTheFork_unlessTheForksOwnThreadsKeptTheCpusBusy() {
        double[] single = {1.0, 1.05, 1.0, 1.0, 1.0};
        double[] selfBusy = {1.0, 1.9, 1.0, 1.0, 1.0};

        RunDisturbance alone =
                RunDisturbance.of(slowCalibration(2.0, single), DisturbanceRule.DEFAULT);
        RunDisturbance unrecorded =
                RunDisturbance.of(slowCalibration(2.0, null), DisturbanceRule.DEFAULT);
        RunDisturbance self =
                RunDisturbance.of(slowCalibration(2.0, selfBusy), DisturbanceRule.DEFAULT);

        assertThat(alone.reason(DIRECT))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("calibration loop 2.01x slower"));
        assertThat(alone.disturbedForks(DIRECT)).containsExactly(1);
        assertThat(unrecorded.disturbedForks(DIRECT)).containsExactly(1);
        // Its collector or finalizer, not another process: the benchmark's own cost.
        assertThat(self.isEmpty()).isTrue();
    }

    @Test
    void aForkWhoseOwnThreadsAreBusy_isStillFlaggedBesideAnotherProcess() {
        List<Measurement> ms =
                new ArrayList<>(
                        run(1, new double[] {0.02, 1.1, 0.01, 0.02, 0.02}, null).measurements());
        ms.add(series(DIRECT.withSecondary(RunDisturbance.OWN), "cpus", 1, 1.9, 1, 1, 1));

        RunDisturbance d =
                RunDisturbance.of(
                        new JmhRun(Path.of("synthetic.json"), ms, "synthetic"),
                        DisturbanceRule.DEFAULT);

        assertThat(d.disturbedForks(DIRECT)).containsExactly(1);
    }

    @Test
    void aForkBesideABusyProcess_flagsItsSeries_andSaysHowMany() {
        JmhRun busy = run(1, new double[] {0.02, 1.02, 0.01, 0.95, 0.02}, null);

        RunDisturbance d = RunDisturbance.of(busy, DisturbanceRule.DEFAULT);

        assertThat(d.reason(DIRECT))
                .hasValueSatisfying(
                        why ->
                                assertThat(why)
                                        .startsWith(
                                                "2 of 5 forks measured on a disturbed machine (")
                                        .contains("other processes used 1.02 CPUs"));
        assertThat(d.reason(DIRECT.withSecondary("gc.alloc.rate.norm"))).isPresent();
        assertThat(d.disturbedForks(DIRECT)).containsExactly(1, 3);
        assertThat(d.disturbedForks(DIRECT.withSecondary("gc.alloc.rate.norm")))
                .containsExactly(1, 3);
    }

    @Test
    void theBenchmarksOwnStub_isNotAnotherProcess() {
        double[] stubBusy = {0.90, 0.91, 0.88, 0.92, 0.90};
        double[] stubCpu = {0.88, 0.89, 0.87, 0.90, 0.88};

        assertThat(RunDisturbance.of(run(1, stubBusy, stubCpu), DisturbanceRule.DEFAULT).isEmpty())
                .isTrue();
        assertThat(RunDisturbance.of(run(1, stubBusy, null), DisturbanceRule.DEFAULT).isEmpty())
                .isFalse();
    }

    @Test
    void aRunWithoutMachineSecondaries_flagsNothing() {
        JmhRun bare =
                new JmhRun(
                        Path.of("bare.json"),
                        List.of(series(DIRECT, "us/op", 3, 3.1, 2.9)),
                        "synthetic");

        assertThat(RunDisturbance.of(bare, DisturbanceRule.DEFAULT).isEmpty()).isTrue();
    }

    @Test
    void theGate_doesNotJudgeASlowdownMeasuredOnADisturbedMachine_butJudgesAQuietOne() {
        JmhRun baseline = run(1, QUIET, null);
        JmhRun quietSlow = run(1000, QUIET, null);
        JmhRun disturbedSlow = run(1000, new double[] {0.02, 1.5, 0.01, 0.02, 0.02}, null);

        GateRow quiet =
                primaryRow(new Gate(GateConfig.defaults()).compare(baseline, quietSlow).rows());
        GateRow flagged =
                primaryRow(new Gate(GateConfig.defaults()).compare(baseline, disturbedSlow).rows());

        assertThat(quiet.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(flagged.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(flagged.disturbed()).isTrue();
        assertThat(flagged.note())
                .startsWith(
                        GateRow.NOT_JUDGED + "current run: 1 of 5 forks measured on a disturbed");
    }

    @Test
    void aFlaggedBaseline_canOnlyHideARegression_soAFailStandsAndAPassIsWithheld() {
        JmhRun disturbedBaseline = run(1, new double[] {0.02, 1.5, 0.01, 0.02, 0.02}, null);
        JmhRun quietSlow = run(1000, QUIET, null);
        JmhRun quietSame = run(1, QUIET, null);

        GateRow slow =
                primaryRow(
                        new Gate(GateConfig.defaults())
                                .compare(disturbedBaseline, quietSlow)
                                .rows());
        GateRow same =
                primaryRow(
                        new Gate(GateConfig.defaults())
                                .compare(disturbedBaseline, quietSame)
                                .rows());

        assertThat(slow.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(slow.disturbed()).isFalse();
        assertThat(slow.note()).contains("baseline: 1 of 5 forks").contains("the FAIL stands");
        assertThat(same.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(same.note()).startsWith(GateRow.NOT_JUDGED + "baseline: 1 of 5 forks");
    }

    @Test
    void aFlaggedCurrentRun_canOnlyFakeARegression_soAPassStands() {
        JmhRun disturbedSame = run(1, new double[] {0.02, 1.5, 0.01, 0.02, 0.02}, null);

        GateRow row =
                primaryRow(
                        new Gate(GateConfig.defaults())
                                .compare(run(1, QUIET, null), disturbedSame)
                                .rows());

        assertThat(row.verdict()).isEqualTo(GateVerdict.PASS);
        assertThat(row.note()).contains("current run: 1 of 5 forks").contains("the PASS stands");
    }

    @Test
    void flagsOnBothSides_withholdEitherVerdict() {
        JmhRun disturbed = run(1, new double[] {0.02, 1.5, 0.01, 0.02, 0.02}, null);
        JmhRun disturbedSlow = run(1000, new double[] {0.02, 1.5, 0.01, 0.02, 0.02}, null);

        assertThat(
                        primaryRow(
                                        new Gate(GateConfig.defaults())
                                                .compare(disturbed, disturbedSlow)
                                                .rows())
                                .note())
                .startsWith(GateRow.NOT_JUDGED + "current run: ")
                .contains("; baseline: ");
        assertThat(
                        primaryRow(
                                        new Gate(GateConfig.defaults())
                                                .compare(disturbed, disturbed)
                                                .rows())
                                .disturbed())
                .isTrue();
    }

    private static GateRow primaryRow(List<GateRow> rows) {
        return rows.stream().filter(r -> r.id().equals(DIRECT)).findFirst().orElseThrow();
    }
}
