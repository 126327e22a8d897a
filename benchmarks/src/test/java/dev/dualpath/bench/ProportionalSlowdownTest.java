package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.ContinuationExecutor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The knob's arguments and its transparency; how much it slows a call is measured where speed is
 * measured (the power run's pools), never in a timed unit test.
 */
class ProportionalSlowdownTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.05, 10.5, Double.NaN, Double.POSITIVE_INFINITY})
    void aFractionOutsideZeroToTenIsRefused(double fraction) {
        assertThatThrownBy(() -> ProportionalSlowdown.calibrated(fraction))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slowdown fraction");
    }

    @Test
    void aMalformedPropertyIsRefusedNamingThePropertyAndItsValue() {
        String property = "dualpath.test.slowdownFraction";
        System.setProperty(property, "five percent");
        try {
            assertThatThrownBy(() -> ProportionalSlowdown.fromProperty(property))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(property)
                    .hasMessageContaining("'five percent'");
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void anUnsetPropertyMeansNoKnob() {
        assertThat(ProportionalSlowdown.fromProperty("dualpath.test.unset.slowdownFraction"))
                .isNull();
    }

    @Test
    void theCallAnswersAsThePlainCallDoes() {
        ProportionalSlowdown knob = ProportionalSlowdown.calibrated(0.05);
        try (Target target = Target.inMemory(ContinuationExecutor.OWNED_POOL, Duration.ZERO)) {
            // Timings and request ids differ from call to call; the answer itself must not.
            assertThat(knob.call(BenchPath.DIRECT, target))
                    .usingRecursiveComparison()
                    .ignoringFields("metrics", "metadata")
                    .isEqualTo(BenchPath.DIRECT.call(target));
        }
    }
}
