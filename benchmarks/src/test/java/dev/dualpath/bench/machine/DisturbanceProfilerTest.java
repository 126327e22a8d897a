package dev.dualpath.bench.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;

class DisturbanceProfilerTest {

    private static IterationParams iteration(IterationType type) {
        return new IterationParams(type, 1, TimeValue.milliseconds(10), 1);
    }

    @Test
    void aMeasuredIteration_recordsEveryMachineProbe_aWarmUpIterationNone() {
        DisturbanceProfiler profiler = new DisturbanceProfiler();

        profiler.beforeIteration(null, iteration(IterationType.WARMUP));
        Collection<? extends Result> warmUp =
                profiler.afterIteration(null, iteration(IterationType.WARMUP), null);
        profiler.beforeIteration(null, iteration(IterationType.MEASUREMENT));
        Collection<? extends Result> measured =
                profiler.afterIteration(null, iteration(IterationType.MEASUREMENT), null);

        assertThat(warmUp).as("JMH drops a warm-up iteration's secondaries").isEmpty();
        List<String> labels = measured.stream().map(Result::getLabel).toList();
        assertThat(labels)
                .containsExactlyInAnyOrder(
                        DisturbanceProfiler.FOREIGN,
                        DisturbanceProfiler.STEAL,
                        DisturbanceProfiler.LOAD,
                        DisturbanceProfiler.OWN,
                        DisturbanceProfiler.CALIBRATION);
        Result calibration =
                measured.stream()
                        .filter(r -> r.getLabel().equals(DisturbanceProfiler.CALIBRATION))
                        .findFirst()
                        .orElseThrow();
        assertThat(calibration.getScore()).as("µs of the loop, -1 if not recorded").isPositive();
    }
}
