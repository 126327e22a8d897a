package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallMeterTest {

    @Test
    void since_dividesBothDeltasByTheCallsInBetween() {
        CallMeter.Snapshot before = new CallMeter.Snapshot(100, 5_000, 40);
        CallMeter.Snapshot after = new CallMeter.Snapshot(104, 25_000, 44);

        assertThat(after.since(before)).contains(new CallMeter.PerCall(1.0, 5_000.0));
    }

    @Test
    void since_noCallCounted_isEmpty() {
        CallMeter.Snapshot before = new CallMeter.Snapshot(7, 0, 40);
        CallMeter.Snapshot after = new CallMeter.Snapshot(7, 100, 45);

        assertThat(after.since(before)).isEmpty();
    }

    @Test
    void now_countsTheCallsRecordedAndTheThreadsStarted() throws InterruptedException {
        CallMeter.Snapshot before = CallMeter.now();
        CallMeter.calls(2);
        Thread t = new Thread(() -> {});
        t.start();
        t.join(10_000);

        CallMeter.PerCall per = CallMeter.now().since(before).orElseThrow();
        assertThat(per.threadsStarted()).isGreaterThanOrEqualTo(0.5); // ≥ 1 thread over 2 calls
    }
}
