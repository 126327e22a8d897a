package dev.dualpath.bench.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPinningTest {

    @Test
    void twoCpus_theStubGetsTheFirst_theForksTheOther() {
        CpuPinning p = CpuPinning.split(List.of(0, 1));

        assertThat(p.active()).isTrue();
        assertThat(p.stubPrefix()).containsExactly("taskset", "-c", "0");
        assertThat(p.forkPrefix()).containsExactly("taskset", "-c", "1");
        assertThat(p.description()).contains("stub on CPU 0").contains("forks on CPU 1");
    }

    @Test
    void moreCpus_splitInHalves_theStubRoundedDown() {
        assertThat(CpuPinning.split(List.of(0, 1, 2, 3)))
                .extracting(CpuPinning::stubCpus, CpuPinning::forkCpus)
                .containsExactly("0,1", "2,3");
        assertThat(CpuPinning.split(List.of(2, 5, 6)))
                .extracting(CpuPinning::stubCpus, CpuPinning::forkCpus)
                .containsExactly("2", "5,6");
    }

    @Test
    void oneForkCpu_isTheFirstOfTheForksCpus_orNothingWhenNotPinned() {
        assertThat(CpuPinning.split(List.of(0, 1)).oneForkCpu()).isEqualTo("1");
        assertThat(CpuPinning.split(List.of(2, 5, 6)).oneForkCpu()).isEqualTo("5");
        assertThat(CpuPinning.split(List.of(3)).oneForkCpu()).isEmpty();
    }

    @Test
    void oneCpuForks_prefixTheForkWithTaskset_andRefuseAnythingButOneCpuId() {
        assertThat(new OneCpuForks("1").addJVMInvokeOptions(null))
                .containsExactly("taskset", "-c", "1");
        assertThat(new OneCpuForks("").addJVMInvokeOptions(null)).isEmpty();
        assertThat(new OneCpuForks("1;jit=0,1").addJVMInvokeOptions(null))
                .containsExactly("taskset", "-c", "1");
        assertThat(new OneCpuForks("1").addJVMOptions(null)).isEmpty();
        assertThat(OneCpuForks.initLine("1", "0,1")).isEqualTo("1;jit=0,1");
        assertThat(OneCpuForks.initLine("", "0,1")).isEmpty();
        assertThatThrownBy(() -> new OneCpuForks("0,1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0,1'");
    }

    @Test
    void oneCpu_pinsNothing_andSaysWhy() {
        CpuPinning p = CpuPinning.split(List.of(3));

        assertThat(p.active()).isFalse();
        assertThat(p.stubPrefix()).isEmpty();
        assertThat(p.forkPrefix()).isEmpty();
        assertThat(p.description()).startsWith("none: 1 CPU allowed");
    }

    @Test
    void allowedCpus_readsRangesAndSingles_fromProcStatus() {
        List<String> status =
                List.of("Name:\tjava", "Cpus_allowed:\t3", "Cpus_allowed_list:\t0-2,5");

        assertThat(CpuPinning.allowedCpus(status)).containsExactly(0, 1, 2, 5);
    }

    @Test
    void allowedCpus_withoutTheLine_fails() {
        assertThatThrownBy(() -> CpuPinning.allowedCpus(List.of("Name:\tjava")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cpus_allowed_list");
    }
}
