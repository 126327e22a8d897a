package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void withoutThreads_keepsTheBenchmarksOwn() {
        Plan plan = new Plan("x", Map.of(), 1, 1, S, 1, S, List.of(), "x");
        assertThat(plan.threads()).isZero();
    }

    @Test
    void threads_surviveTheOtherWithers() {
        Plan plan = new Plan("x", Map.of(), 1, 1, S, 1, S, List.of(), "x").withThreads(16);
        assertThat(plan.withParams(Map.of("callers", List.of("16"))).threads()).isEqualTo(16);
        assertThat(plan.withJvmArgs(List.of("-Xmx1g")).threads()).isEqualTo(16);
    }

    @Test
    void negativeThreads_areRejectedByName() {
        assertThatThrownBy(() -> new Plan("x", Map.of(), 1, 1, S, 1, S, List.of(), "x", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }
}
