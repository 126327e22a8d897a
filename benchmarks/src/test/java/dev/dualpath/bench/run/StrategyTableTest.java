package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StrategyTableTest {

    private static final JmhRun RUN = read("/strategy/jmh.json");

    private final String md =
            new StrategyTable(new Bootstrap(new BootstrapSettings(1_000, 0.95, 42L))).markdown(RUN);

    @Test
    void header_hasTheStubColumn_afterBytesPerOp() {
        assertThat(md).contains("| B/op | stub µs/call | overhead over raw");
        assertThat(md).contains("|---|---:|---:|---:|---:|---:|---:|---|---|");
    }

    @Test
    void rowWithStubServiceNorm_showsItsScore() {
        assertThat(section("LoopbackLatencyBenchmark.call"))
                .contains("| RAW_BLOCKING | 2 | 187.5 | ")
                .contains(" | 60000.0 | 62.000 | ")
                .contains(" | 62000.0 | 71.000 | ");
    }

    @Test
    void rowWithoutStubServiceNorm_showsADash_andNoNote() {
        String inMemory = section("InMemoryOverheadBenchmark.call");

        assertThat(inMemory).contains("| RAW_BLOCKING | 2 | 1.000 | 1.000 | 1.100 | 480.0 | — | ");
        assertThat(inMemory).doesNotContain("stub µs/call: ");
    }

    @Test
    void sectionWithTheStubColumn_explainsItUnderTheTable() {
        assertThat(section("LoopbackLatencyBenchmark.call"))
                .contains("stub µs/call: the stub's own service time per call")
                .contains("− the injected delay − this");
    }

    /** The text from the heading of {@code benchmark}'s section to the next heading. */
    private String section(String benchmark) {
        int start = md.indexOf("### " + benchmark);
        assertThat(start).as("section for " + benchmark).isNotNegative();
        int end = md.indexOf("### ", start + 4);
        return end < 0 ? md.substring(start) : md.substring(start, end);
    }

    private static JmhRun read(String resource) {
        try {
            return new JmhResultReader()
                    .read(Path.of(StrategyTableTest.class.getResource(resource).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
