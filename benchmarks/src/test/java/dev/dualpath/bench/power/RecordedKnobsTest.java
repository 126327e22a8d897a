package dev.dualpath.bench.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay labels each condition with the knob its run recorded, never with today's choice. */
class RecordedKnobsTest {

    @TempDir Path dir;

    @Test
    void eachConditionGetsTheKnobItsRunRecorded() throws IOException {
        Files.writeString(
                dir.resolve("power.json"),
                """
                [{"condition": {"name": "A/A"}, "knob": []},
                 {"condition": {"name": "time+5%"},
                  "knob": ["-Ddualpath.bench.extraDelayNanos=133"]}]
                """);

        assertThat(PowerReplay.recordedKnobs(dir))
                .containsEntry("A/A", List.of())
                .containsEntry("time+5%", List.of("-Ddualpath.bench.extraDelayNanos=133"))
                .hasSize(2);
    }

    @Test
    void aRunThatWroteNoReportHasNoKnobs() {
        assertThat(PowerReplay.recordedKnobs(dir)).isEmpty();
    }

    @Test
    void aTruncatedReportIsAnInputErrorNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("power.json"), "[{\"condition\": {\"name\": \"A/A\"}, \"kn");

        assertThatThrownBy(() -> PowerReplay.recordedKnobs(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("power.json");
    }

    @Test
    void aRowWithoutAKnobIsAnInputErrorNamingTheRow() throws IOException {
        Files.writeString(dir.resolve("power.json"), "[{\"condition\": {\"name\": \"A/A\"}}]");

        assertThatThrownBy(() -> PowerReplay.recordedKnobs(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("power.json")
                .hasMessageContaining("[0]");
    }

    @Test
    void aTimeConditionStretchesTheHeadByItsFraction_aBytesConditionAllocates() {
        assertThat(new Condition("time+5%", "primary", 0.05).knob(1865))
                .containsExactly("-Ddualpath.bench.slowdownFraction=0.05");
        assertThat(new Condition("bytes+2%", "gc.alloc.rate.norm", 0.02).knob(1865))
                .containsExactly("-Ddualpath.bench.extraAllocBytes=21");
        assertThat(new Condition("A/A", "primary", 0).knob(1865)).isEmpty();
    }
}
