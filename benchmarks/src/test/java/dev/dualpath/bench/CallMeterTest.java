package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallMeterTest {

    @Test
    void since_dividesEveryDeltaByTheCallsInBetween() {
        CallMeter.Snapshot before = new CallMeter.Snapshot(100, 5_000, 1_000, 10, 40);
        CallMeter.Snapshot after = new CallMeter.Snapshot(104, 25_000, 9_000, 18, 44);

        assertThat(after.since(before, 999))
                .contains(new CallMeter.PerCall(1.0, 5_000.0, 2_000.0, 2.0));
    }

    @Test
    void since_noCallCounted_dividesByTheOperations() {
        CallMeter.Snapshot before = new CallMeter.Snapshot(7, 0, 0, 0, 40);
        CallMeter.Snapshot after = new CallMeter.Snapshot(7, 100, 50, 0, 45);

        assertThat(after.since(before, 10)).contains(new CallMeter.PerCall(0.5, 10.0, 5.0, 0.0));
    }

    @Test
    void since_neitherCallsNorOperations_isEmpty() {
        CallMeter.Snapshot before = new CallMeter.Snapshot(7, 0, 0, 0, 40);
        CallMeter.Snapshot after = new CallMeter.Snapshot(7, 100, 0, 0, 45);

        assertThat(after.since(before, 0)).isEmpty();
    }

    @Test
    void now_countsTheCallsRecordedAndTheThreadsStarted() throws InterruptedException {
        CallMeter.Snapshot before = CallMeter.now();
        CallMeter.calls(2);
        Thread t = new Thread(() -> {});
        t.start();
        t.join(10_000);

        CallMeter.PerCall per = CallMeter.now().since(before, 0).orElseThrow();
        assertThat(per.threadsStarted()).isGreaterThanOrEqualTo(0.5); // ≥ 1 thread over 2 calls
    }

    @Test
    void theCallingThreadsVoluntarySwitchesAreReadWhereTheKernelSaysThem() throws Exception {
        long before = ThreadSwitches.voluntary();
        org.junit.jupiter.api.Assumptions.assumeTrue(before >= 0, "no /proc/thread-self/status");
        Thread.sleep(5); // a sleep gives up the CPU: at least one voluntary switch
        assertThat(ThreadSwitches.voluntary()).isGreaterThan(before);
    }
}
