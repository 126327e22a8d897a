package dev.dualpath.bench.verdict.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkRoundsTest {

    private static final String B = "a.B.call";
    private static final BenchmarkId RAW = BenchmarkId.primary(B, "avgt", Map.of("path", "RAW"));
    private static final BenchmarkId DIRECT =
            BenchmarkId.primary(B, "avgt", Map.of("path", "DIRECT"));
    private static final BenchmarkId LOOPBACK =
            BenchmarkId.primary("a.L.call", "sample", Map.of("path", "RAW"));

    @TempDir Path tmp;

    private final ForkRounds rounds =
            new ForkRounds(
                    42,
                    List.of(
                            new ForkRounds.Plan(
                                    "in-memory",
                                    List.of(List.of(RAW, DIRECT), List.of(DIRECT, RAW))),
                            new ForkRounds.Plan("loopback", List.of(List.of(LOOPBACK)))));

    @Test
    void seriesOfOnePlan_pair_bySecondaryMetricToo_seriesOfTwoPlansDoNot() {
        assertThat(rounds.paired(RAW, DIRECT)).isTrue();
        assertThat(rounds.paired(RAW.withSecondary("gc.alloc.rate.norm"), DIRECT)).isTrue();
        assertThat(rounds.paired(RAW, LOOPBACK)).isFalse();
        assertThat(rounds.paired(List.of(RAW, DIRECT, LOOPBACK))).isFalse();
        assertThat(rounds.rounds(DIRECT)).contains(2);
        assertThat(rounds.planLabel(DIRECT)).isEqualTo("in-memory");
        BenchmarkId other = BenchmarkId.primary(B, "avgt", Map.of("path", "OTHER"));
        assertThat(rounds.rounds(other)).isEmpty();
        assertThat(ForkRounds.NONE.paired(RAW, DIRECT)).isFalse();
    }

    @Test
    void whatIsWritten_readsBackEqual_andAMissingFileIsNone() throws IOException {
        Path file = tmp.resolve(RunFolder.ROUNDS_JSON);
        rounds.write(file);

        assertThat(ForkRounds.read(file)).isEqualTo(rounds);
        assertThat(ForkRounds.read(tmp.resolve("absent.json"))).isEqualTo(ForkRounds.NONE);
    }

    @Test
    void aRoundWithOtherSeriesThanTheFirst_isAnInputErrorNamingTheRound() throws IOException {
        Path file = tmp.resolve(RunFolder.ROUNDS_JSON);
        rounds.write(file);
        Files.writeString(file, Files.readString(file).replaceFirst("\"DIRECT\"", "\"RAW\""));

        assertThatThrownBy(() -> ForkRounds.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("plans[0].rounds[0]");
    }

    @Test
    void malformedFields_areInputErrorsNamingTheField() throws IOException {
        Path file = tmp.resolve(RunFolder.ROUNDS_JSON);
        Files.writeString(file, "{\"seed\": 1, \"plans\": [{\"label\": \"x\", \"rounds\": []}]}");
        assertThatThrownBy(() -> ForkRounds.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("plans[0].rounds");
        Files.writeString(file, "{\"plans\": []}");
        assertThatThrownBy(() -> ForkRounds.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("seed");
        Files.writeString(
                file,
                "{\"seed\": 1, \"plans\": [{\"label\": \"x\", \"rounds\": [[{\"benchmark\": \"b\","
                        + " \"mode\": \"avgt\", \"params\": {\"p\": 1}}]]}]}");
        assertThatThrownBy(() -> ForkRounds.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("plans[0].rounds[0][0].params.p");
        Files.writeString(file, "{\"seed\": 1, \"plans\"");
        assertThatThrownBy(() -> ForkRounds.read(file)).isInstanceOf(InputException.class);
    }
}
