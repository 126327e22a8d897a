package dev.dualpath.bench.verdict.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class MachineSpeedTest {

    /** A run whose series {@code path=name} timed the loop at these µs, one value per fork. */
    public static JmhRun runWithLoop(Map<String, double[]> loopByPath) {
        List<Measurement> ms = new ArrayList<>();
        loopByPath.forEach(
                (path, forks) -> {
                    BenchmarkId id =
                            BenchmarkId.primary("x.Bench.call", "avgt", Map.of("path", path));
                    List<List<Double>> perFork = new ArrayList<>();
                    List<List<Double>> loop = new ArrayList<>();
                    for (double v : forks) {
                        perFork.add(List.of(1.0, 1.0));
                        loop.add(List.of(v - 10, v + 10));
                    }
                    ms.add(Measurement.ofForks(id, "us/op", perFork));
                    ms.add(
                            Measurement.ofForks(
                                    id.withSecondary(RunDisturbance.CALIBRATION), "us", loop));
                });
        return new JmhRun(Path.of("synthetic.json"), ms, "synthetic");
    }

    @Test
    void theMedianIsOverEveryForkOfEverySeries_ofEachForksMean() {
        JmhRun run =
                runWithLoop(
                        Map.of(
                                "A", new double[] {3500, 3600, 9000},
                                "B", new double[] {3550, 3400}));

        MachineSpeed speed = MachineSpeed.of(run).orElseThrow();

        // Forks 3400, 3500, 3550, 3600, 9000: one disturbed fork does not move the median.
        assertThat(speed.medianMicros()).isEqualTo(3550.0);
        assertThat(speed.forks()).isEqualTo(5);
    }

    @Test
    void anEvenCount_takesTheMiddleTwo_andNaNForksAreLeftOut() {
        JmhRun run = runWithLoop(Map.of("A", new double[] {3000, 3100, Double.NaN, 3300, 3400}));

        assertThat(MachineSpeed.of(run).orElseThrow().medianMicros()).isEqualTo(3200.0);
    }

    /** A run of one series that did not time the loop (another JMH suite, an older run). */
    public static JmhRun runWithoutLoop() {
        BenchmarkId id = BenchmarkId.primary("x.Bench.call", "avgt", Map.of());
        return new JmhRun(
                Path.of("other.json"),
                List.of(Measurement.ofForks(id, "us/op", List.of(List.of(1.0)))),
                "other");
    }

    @Test
    void aRunWithoutTheLoop_hasNoSpeed() {
        assertThat(MachineSpeed.of(runWithoutLoop())).isEmpty();
    }

    @Test
    void slowerThan_isTheRelativeDifference_signed() {
        MachineSpeed base = new MachineSpeed(3600, 54);

        assertThat(new MachineSpeed(3780, 42).slowerThan(base)).isCloseTo(0.05, within(1e-12));
        assertThat(new MachineSpeed(3420, 42).slowerThan(base)).isCloseTo(-0.05, within(1e-12));
        assertThatThrownBy(() -> new MachineSpeed(Double.NaN, 1))
                .hasMessageContaining("medianMicros");
        assertThatThrownBy(() -> new MachineSpeed(1, 0)).hasMessageContaining("forks");
    }
}
