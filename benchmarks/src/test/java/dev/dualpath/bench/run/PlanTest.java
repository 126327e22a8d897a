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
        Plan plan = Plan.of("x").label("x").forks(1).warmup(1, S).measurement(1, S).build();
        assertThat(plan.threads()).isZero();
    }

    @Test
    void threads_surviveTheOtherWithers() {
        Plan plan =
                Plan.of("x")
                        .label("x")
                        .forks(1)
                        .warmup(1, S)
                        .measurement(1, S)
                        .build()
                        .withThreads(16);
        assertThat(plan.withParams(Map.of("callers", List.of("16"))).threads()).isEqualTo(16);
        assertThat(plan.withJvmArgs(List.of("-Xmx1g")).threads()).isEqualTo(16);
    }

    @Test
    void negativeThreads_areRejectedByName() {
        assertThatThrownBy(
                        () ->
                                Plan.of("x")
                                        .label("x")
                                        .forks(1)
                                        .warmup(1, S)
                                        .measurement(1, S)
                                        .threads(-1)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }

    @Test
    void namedSettings_landInTheirOwnFields() {
        Plan plan =
                Plan.of("x").forks(3).warmup(4, S).measurement(5, Duration.ofMillis(500)).build();
        assertThat(plan.forks()).isEqualTo(3);
        assertThat(plan.warmupIterations()).isEqualTo(4);
        assertThat(plan.measurementIterations()).isEqualTo(5);
        assertThat(plan.forkTime("x", Map.of())).isEqualTo(Duration.ofMillis(6500));
        assertThat(plan.label()).as("the include pattern labels an unlabelled plan").isEqualTo("x");
    }

    @Test
    void zeroForks_andAnEmptyMeasurement_areRejectedByName() {
        assertThatThrownBy(() -> Plan.of("x").forks(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forks");
        assertThatThrownBy(() -> Plan.of("x").measurement(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("measurementTime");
    }

    @Test
    void warmupRules_setTheSeriesTheyMatch_firstMatchWins() {
        Plan plan =
                Plan.of("x")
                        .forks(3)
                        .warmup(4, S)
                        .warmupFor(new WarmupRule.ForParam("path", List.of("LOOP_PER_CALL"), 9))
                        .warmupFor(new WarmupRule.ForBenchmark("Phases\\.run$", 7))
                        .warmupFor(new WarmupRule.ForParam("path", List.of("LOOP_PER_CALL"), 1))
                        .measurement(2, Duration.ofMillis(500))
                        .build();
        assertThat(plan.warmupIterations("a.B.call", Map.of("path", "LOOP_PER_CALL"))).isEqualTo(9);
        assertThat(plan.warmupIterations("a.B.call", Map.of("path", "DIRECT"))).isEqualTo(4);
        assertThat(plan.warmupIterations("a.Phases.run", Map.of())).isEqualTo(7);
        assertThat(plan.warmupIterations("a.Phases.runner", Map.of()))
                .as("the pattern's anchor holds")
                .isEqualTo(4);
        assertThat(plan.forkTime("a.B.call", Map.of("path", "LOOP_PER_CALL")))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.forkTime("a.B.call", Map.of("path", "DIRECT")))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void warmupRules_surviveTheWithers_andCountInEquality() {
        Plan plain = Plan.of("x").forks(1).warmup(4, S).measurement(1, S).build();
        Plan ruled =
                plain.toBuilder()
                        .warmupFor(new WarmupRule.ForParam("path", List.of("A"), 9))
                        .build();
        assertThat(ruled).isNotEqualTo(plain);
        assertThat(ruled.withForks(15).warmupRules()).isEqualTo(ruled.warmupRules());
        assertThat(ruled.withForks(15).warmupIterations("b", Map.of("path", "A"))).isEqualTo(9);
        assertThat(ruled.toString()).contains("except").contains("A");
    }

    @Test
    void warmupRules_refuseNonsense() {
        assertThatThrownBy(() -> new WarmupRule.ForParam("path", List.of(), 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
        assertThatThrownBy(() -> new WarmupRule.ForParam("path", List.of("A"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new WarmupRule.ForBenchmark("(", 3))
                .isInstanceOf(java.util.regex.PatternSyntaxException.class);
    }
}
