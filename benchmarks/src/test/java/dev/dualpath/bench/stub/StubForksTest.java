package dev.dualpath.bench.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

class StubForksTest {

    private static final String URL = "http://127.0.0.1:4567";

    private static BenchmarkParams params(String stubMode, List<String> jvmArgs) {
        WorkloadParams workload = new WorkloadParams();
        if (stubMode != null) {
            workload.put(StubMode.PARAM, stubMode, 0);
        }
        IterationParams iteration =
                new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        return new BenchmarkParams(
                "dev.dualpath.bench.LoopbackLatencyBenchmark.call",
                "generated",
                false,
                1,
                new int[] {1},
                List.of(),
                1,
                0,
                iteration,
                iteration,
                Mode.SampleTime,
                workload,
                TimeUnit.MICROSECONDS,
                1,
                "java",
                jvmArgs,
                "17",
                "OpenJDK",
                "17",
                "1.37",
                TimeValue.minutes(10));
    }

    @Test
    void outOfProcessFork_isPointedAtTheStub_pinned_andKeepsG1() {
        StubForks hook = new StubForks(StubForks.initLine(URL, "1", "0,1"));
        BenchmarkParams p = params("OUT_OF_PROCESS", List.of());

        assertThat(hook.addJVMInvokeOptions(p)).containsExactly("taskset", "-c", "1");
        assertThat(hook.addJVMOptions(p))
                .containsExactly("-D" + StubMode.URL_PROPERTY + "=" + URL, StubForks.G1);
    }

    @Test
    void aRunThatChoosesItsCollector_keepsIt() {
        StubForks hook = new StubForks(StubForks.initLine(URL, "1", "0,1"));

        assertThat(hook.addJVMOptions(params("OUT_OF_PROCESS", List.of("-XX:+UseParallelGC"))))
                .containsExactly("-D" + StubMode.URL_PROPERTY + "=" + URL);
    }

    @Test
    void withoutPinning_onlyTheUrl() {
        StubForks hook = new StubForks(StubForks.initLine(URL, "", ""));
        BenchmarkParams p = params("OUT_OF_PROCESS", List.of());

        assertThat(hook.addJVMInvokeOptions(p)).isEmpty();
        assertThat(hook.addJVMOptions(p)).containsExactly("-D" + StubMode.URL_PROPERTY + "=" + URL);
    }

    @Test
    void inProcessForks_andBenchmarksWithoutAStub_areLeftAlone() {
        StubForks hook = new StubForks(StubForks.initLine(URL, "1", "0,1"));

        for (BenchmarkParams p :
                List.of(params("IN_PROCESS", List.of()), params(null, List.of()))) {
            assertThat(hook.addJVMInvokeOptions(p)).isEmpty();
            assertThat(hook.addJVMOptions(p)).isEmpty();
        }
    }

    @Test
    void initLine_withoutUrl_orWithAnUnknownSetting_fails() {
        assertThatThrownBy(() -> new StubForks("cpus=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url=");
        assertThatThrownBy(() -> new StubForks("url=" + URL + ";cores=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cores");
    }
}
