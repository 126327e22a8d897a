package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slowdown knob is sized from the A/A run's DIRECT series, whatever other parameters the
 * benchmark has (a lookup by exact parameters once missed it after a parameter was removed).
 */
class ProveGateCommandTest {

    @Test
    void knob_isTheFractionOfDirectsMean_inNanoseconds(@TempDir Path tmp) throws IOException {
        Path run =
                Files.writeString(
                        tmp.resolve("jmh.json"),
                        """
                        [{"benchmark": "dev.dualpath.bench.InMemoryOverheadBenchmark.call",
                          "mode": "avgt", "params": {"path": "DIRECT", "transport": "x"},
                          "primaryMetric": {"score": 3.0, "scoreError": 0.1, "scoreUnit": "us/op",
                                            "rawData": [[3.0, 3.0], [3.0, 3.0]]}}]
                        """);

        long tenPercent = ProveGateCommand.knobNanos(run, 0.10);
        long twentyPercent = ProveGateCommand.knobNanos(run, 0.20);

        assertThat(tenPercent).isPositive();
        assertThat(twentyPercent).isBetween(2 * tenPercent - 1, 2 * tenPercent + 1);
    }

    @Test
    void aRunWithoutDirect_isAnInputErrorNamingTheFile(@TempDir Path tmp) throws IOException {
        Path empty = Files.writeString(tmp.resolve("jmh.json"), "[]");

        assertThatThrownBy(() -> ProveGateCommand.knobNanos(empty, 0.10))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("jmh.json");
    }
}
