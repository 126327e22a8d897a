package dev.dualpath.bench.verdict.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import org.junit.jupiter.api.Test;

class EnvironmentCautionsTest {

    private static RunEnvironment wake(String cpuWake) {
        return RunEnvironment.unknown().withCpuWake(cpuWake);
    }

    @Test
    void aBaselineWithTheCpusKeptAwake_againstARunWithout_isCautioned_namingBoth() {
        RunEnvironment held = wake("held: /dev/cpu_dma_latency at 0 µs for the whole run");
        RunEnvironment free = wake("not held: not asked for (--keep-cpus-awake)");

        assertThat(EnvironmentCautions.between(held, free))
                .singleElement()
                .asString()
                .contains("the baseline ran with idle CPUs kept from halting")
                .contains("this run with them free to halt")
                .contains(held.cpuWake())
                .contains(free.cpuWake())
                .contains("--[no-]keep-cpus-awake");
        assertThat(EnvironmentCautions.between(free, held))
                .singleElement()
                .asString()
                .contains("the baseline ran with idle CPUs free to halt");
    }

    @Test
    void runsRecordedTheSameWay_getNoCaution() {
        RunEnvironment held = wake("held: one way");
        RunEnvironment heldOtherwise = wake("held: described another way");
        RunEnvironment free = wake("not held: cannot open the device");
        RunEnvironment older = RunEnvironment.unknown();

        assertThat(EnvironmentCautions.between(held, heldOtherwise)).isEmpty();
        assertThat(EnvironmentCautions.between(free, free)).isEmpty();
        assertThat(EnvironmentCautions.between(older, free))
                .as("a run from before the field did not hold them either")
                .isEmpty();
        assertThat(EnvironmentCautions.between(free, older)).isEmpty();
    }

    @Test
    void aRunHeldAwake_againstABaselineThatDoesNotSay_isCautioned() {
        RunEnvironment older = RunEnvironment.unknown();
        RunEnvironment held = wake("held: /dev/cpu_dma_latency at 0 µs for the whole run");

        assertThat(EnvironmentCautions.between(older, held))
                .singleElement()
                .asString()
                .contains("the baseline ran with idle CPUs free to halt, as far as its env.json")
                .contains("this run with them kept from halting");
    }

    @Test
    void theLineIsRead_byItsFirstWords() {
        assertThat(wake("held: x").cpusKeptAwake()).contains(true);
        assertThat(wake("not held: y").cpusKeptAwake()).contains(false);
        assertThat(wake("something else").cpusKeptAwake()).isEmpty();
        assertThat(RunEnvironment.unknown().cpusKeptAwake()).isEmpty();
    }
}
