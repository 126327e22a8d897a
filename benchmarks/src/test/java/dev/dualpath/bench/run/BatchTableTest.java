package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The batch table reads items/s from the {@code items} counter and judges the bar by its CI. */
class BatchTableTest {

    private final String md =
            new BatchTable(new Bootstrap(new BootstrapSettings(1_000, 0.95, 42L)))
                    .markdown(read("/batch/jmh.json"));

    @Test
    void rows_showItemsPerSecond_sequentialFirst_withTheRatioToDirect() {
        assertThat(md)
                .contains("### Batch throughput, items/s ({delayMs=10, transport=APACHE})")
                .contains("| 100 | DIRECT | — | 2 | 93.000 | 1 |")
                .contains("| 100 | LOOP_PER_CALL | — | 2 | 88.000 |")
                .contains("| 100 | BATCH_SYNC | 16 | 2 | 1400.0 | 15.05× [")
                .contains("| 10 | BATCH_SYNC | 4 | 2 | 315.0 | 3.35× [");
        assertThat(md.indexOf("| 100 | DIRECT")).isLessThan(md.indexOf("| 100 | BATCH_ASYNC | 4"));
        assertThat(md.indexOf("| 100 | BATCH_ASYNC | 4"))
                .isLessThan(md.indexOf("| 100 | BATCH_ASYNC | 16"));
    }

    @Test
    void theBar_holdsWhenTheWholeIntervalClearsIt_andIsUndecidedWhenItSpansIt() {
        assertThat(md)
                .contains("Bar — a batch of 100 at limit 16 gets ≥ 10× the items/s of sequential")
                .containsPattern("- BATCH_SYNC: 15\\.05× \\[[0-9.]+, [0-9.]+\\] — holds")
                .containsPattern("- BATCH_ASYNC: 10\\.48× \\[[0-9.]+, [0-9.]+\\] — undecided");
    }

    @Test
    void verdict_isHoldsFailsOrUndecided_byTheInterval() {
        assertThat(BatchTable.verdict(new ConfidenceInterval(14, 12, 16, 0.95, 3, "")))
                .isEqualTo("holds");
        assertThat(BatchTable.verdict(new ConfidenceInterval(8, 7, 9.9, 0.95, 3, "")))
                .isEqualTo("does not hold");
        assertThat(BatchTable.verdict(new ConfidenceInterval(10.5, 9, 12, 0.95, 3, "")))
                .startsWith("undecided: the interval spans the bar");
        assertThat(BatchTable.verdict(ConfidenceInterval.undefined(14, 0.95, 1, "1 fork")))
                .isEqualTo("undecided: no interval (1 fork); more forks would decide");
    }

    @Test
    void aRunWithoutBatchResults_hasNoTable() {
        assertThat(
                        new BatchTable(new Bootstrap(BootstrapSettings.DEFAULT))
                                .markdown(read("/strategy/jmh.json")))
                .isEmpty();
    }

    private static JmhRun read(String resource) {
        try {
            return new JmhResultReader()
                    .read(Path.of(BatchTableTest.class.getResource(resource).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
