package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlaggedForksTableTest {

    private static final BenchmarkId SHARED =
            BenchmarkId.primary(
                    "dev.dualpath.bench.LoopbackLatencyBenchmark.call",
                    "sample",
                    Map.of("path", "SHARED_LOOP"));

    private static Measurement series(BenchmarkId id, String unit, double... forkValues) {
        return Measurement.ofForks(
                id, unit, Arrays.stream(forkValues).mapToObj(v -> List.of(v, v)).toList());
    }

    private static String section(double... jitMillisPerIteration) {
        JmhRun run =
                new JmhRun(
                        Path.of("run.json"),
                        List.of(
                                series(SHARED, "us/op", 150, 460, 140),
                                series(
                                        SHARED.withSecondary(RunDisturbance.FOREIGN),
                                        "cpus",
                                        0.01,
                                        0.02,
                                        0.01),
                                series(
                                        SHARED.withSecondary(RunDisturbance.JIT),
                                        "ms",
                                        jitMillisPerIteration)),
                        "synthetic",
                        Map.of(),
                        Map.of(SHARED, Duration.ofMillis(500)));
        return new FlaggedForksTable().markdown(new RunIndex(run));
    }

    @Test
    void aForkStillCompiling_isListedWithItsNumberAndWhy() {
        String md = section(4, 290, 12);

        assertThat(md)
                .startsWith("### Forks measured disturbed or still warming up")
                .contains(
                        "| "
                                + SHARED.display()
                                + " | 2 | 1 of 3 forks measured while still warming up (the JIT"
                                + " was compiling for 58 % of the measured time) |");
    }

    @Test
    void aRunWithNothingFlagged_hasNoSection() {
        assertThat(section(4, 9, 12)).isEmpty();
    }
}
