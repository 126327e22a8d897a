package dev.dualpath.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void countsAreRateTimesWindow() {
        ArrivalSchedule s =
                new ArrivalSchedule(200, Duration.ofMillis(500), Duration.ofSeconds(10));
        assertThat(s.warmupCalls()).isEqualTo(100);
        assertThat(s.measuredCalls()).isEqualTo(2000);
        assertThat(s.totalCalls()).isEqualTo(2100);
        assertThat(s.warmupCall(99)).isTrue();
        assertThat(s.warmupCall(100)).isFalse();
    }

    @Test
    void offsetsDoNotDriftWhenTheIntervalIsNotAWholeNanosecond() {
        ArrivalSchedule s = new ArrivalSchedule(3, Duration.ZERO, Duration.ofSeconds(100));
        assertThat(s.intervalNanos()).isEqualTo(333_333_333L);
        assertThat(s.offsetNanos(1)).isEqualTo(333_333_333L);
        assertThat(s.offsetNanos(3)).isEqualTo(1_000_000_000L);
        assertThat(s.offsetNanos(300)).isEqualTo(100_000_000_000L);
    }

    @Test
    void badValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("ratePerSecond");
        assertThatThrownBy(
                        () -> new ArrivalSchedule(1, Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("warmup");
        assertThatThrownBy(() -> new ArrivalSchedule(1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("duration");
    }

    @Test
    void settingsRejectOutOfRangeValuesNamingTheField() {
        assertThatThrownBy(
                        () ->
                                new OpenLoopSettings(
                                        dev.dualpath.adapter.transport.TransportKind.JDK,
                                        0,
                                        10,
                                        0,
                                        1000,
                                        OpenLoopSettings.MAX_CALLERS + 1))
                .hasMessageContaining("callers");
        assertThatThrownBy(
                        () ->
                                new OpenLoopSettings(
                                        dev.dualpath.adapter.transport.TransportKind.JDK,
                                        -1,
                                        10,
                                        0,
                                        1000,
                                        8))
                .hasMessageContaining("delayMs");
    }

    @Test
    void defaultCallersCoverTheExpectedConcurrencyWithinBounds() {
        assertThat(OpenLoopSettings.defaultCallers(1000, 10)).isEqualTo(64); // 4 x 15 + 4
        assertThat(OpenLoopSettings.defaultCallers(1, 0)).isEqualTo(16);
        assertThat(OpenLoopSettings.defaultCallers(200, 1500)).isEqualTo(512);
    }
}
