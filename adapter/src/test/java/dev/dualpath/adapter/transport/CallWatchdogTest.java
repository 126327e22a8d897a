package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CallWatchdogTest {

    /** Unique per test (a new instance per test), so no other test's thread is counted. */
    private final String prefix = "watchdog-under-test-" + System.nanoTime();

    private boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
    }

    @Test
    void abortsAnOverdueCall_andStopsWatchingIt() throws InterruptedException {
        try (CallWatchdog watchdog = new CallWatchdog(new DaemonThreads(prefix))) {
            CountDownLatch aborted = new CountDownLatch(1);
            InFlightCall call = new InFlightCall(null, System.nanoTime(), 0);
            call.onAbort(aborted::countDown);

            watchdog.watch(call);

            assertThat(aborted.await(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> watchdog.watchedCount() == 0);
        }
    }

    @Test
    void anAbortThatThrows_doesNotStopTheWatchdog() throws InterruptedException {
        try (CallWatchdog watchdog = new CallWatchdog(new DaemonThreads(prefix))) {
            InFlightCall bad = new InFlightCall(null, System.nanoTime(), 0);
            bad.onAbort(
                    () -> {
                        throw new IllegalStateException("abort failed");
                    });
            CountDownLatch aborted = new CountDownLatch(1);
            InFlightCall good = new InFlightCall(null, System.nanoTime(), 0);
            good.onAbort(aborted::countDown);

            watchdog.watch(bad);
            watchdog.watch(good);

            assertThat(aborted.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void threadStartsWithTheFirstCall_andEndsWhenIdle() {
        try (CallWatchdog watchdog = new CallWatchdog(new DaemonThreads(prefix))) {
            assertThat(threadAlive()).isFalse();
            InFlightCall call =
                    new InFlightCall(null, System.nanoTime() + TimeUnit.SECONDS.toNanos(100), 0);

            watchdog.watch(call);
            assertThat(threadAlive()).isTrue();
            watchdog.unwatch(call);

            await().atMost(CallWatchdog.IDLE_EXIT.plusSeconds(5)).until(() -> !threadAlive());
        }
    }

    @Test
    void close_endsTheThread_andRefusesNewCalls() {
        CallWatchdog watchdog = new CallWatchdog(new DaemonThreads(prefix));
        watchdog.watch(
                new InFlightCall(null, System.nanoTime() + TimeUnit.SECONDS.toNanos(100), 0));

        watchdog.close();

        await().atMost(Duration.ofSeconds(20)).until(() -> !threadAlive());
        assertThatThrownBy(() -> watchdog.watch(new InFlightCall(null, 0, 0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
