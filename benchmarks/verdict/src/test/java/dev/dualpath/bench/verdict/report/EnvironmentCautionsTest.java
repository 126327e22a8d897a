package dev.dualpath.bench.verdict.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.machine.MachineSpeedTest;
import java.util.Map;
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

    private static JmhRun loop(double... forkMicros) {
        return MachineSpeedTest.runWithLoop(Map.of("DIRECT", forkMicros));
    }

    @Test
    void aMachineRunningTheLoopAtAnotherSpeed_isCautioned_withBothMedians() {
        RunEnvironment env = RunEnvironment.unknown();
        JmhRun baseline = loop(3600, 3590, 3610);
        // About the ninth default main job against the committed baseline (3,826 and 3,603 µs).
        JmhRun slowDay = loop(3826, 3820, 3830);
        JmhRun fastDay = loop(3191, 3200, 3180);

        assertThat(EnvironmentCautions.between(env, baseline, env, slowDay))
                .singleElement()
                .asString()
                .contains("6.3 % slower")
                .contains("median 3826 µs over 3 forks against 3600 µs over 3")
                .contains("dualpath compare");
        assertThat(EnvironmentCautions.between(env, baseline, env, fastDay))
                .singleElement()
                .asString()
                .contains("11.4 % faster");
    }

    @Test
    void aSpeedWithinTheThreshold_orNotRecorded_isNoCaution_andTheWakeCautionStays() {
        RunEnvironment env = RunEnvironment.unknown();
        JmhRun baseline = loop(3600, 3590, 3610);
        // 4.9 %: under the 5 % at which the machine counts as another.
        JmhRun close = loop(3776, 3770, 3780);
        JmhRun withoutLoop = MachineSpeedTest.runWithoutLoop();

        assertThat(EnvironmentCautions.between(env, baseline, env, close)).isEmpty();
        assertThat(EnvironmentCautions.between(env, baseline, env, withoutLoop)).isEmpty();
        assertThat(
                        EnvironmentCautions.between(
                                wake("held: x"), baseline, wake("not held: y"), close))
                .singleElement()
                .asString()
                .contains("idle CPUs");
    }
}
