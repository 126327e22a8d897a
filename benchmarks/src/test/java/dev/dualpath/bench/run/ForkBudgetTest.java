package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForkBudgetTest {

    @Test
    void aBudget_allowsWhatEndsWithinIt_andNotWhatWouldEndPastIt() {
        ForkBudget hour = ForkBudget.startingNow(Duration.ofHours(1));

        assertThat(hour.allows(Duration.ofMinutes(30))).isTrue();
        assertThat(hour.allows(Duration.ofMinutes(61))).isFalse();
        assertThat(ForkBudget.UNLIMITED.allows(Duration.ofDays(365))).isTrue();
    }

    @Test
    void aBudgetThatIsNotPositive_isRefused() {
        assertThatThrownBy(() -> ForkBudget.startingNow(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
