package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming tables: each path beside the raw transport, and the TTFT and per-event bars. */
class StreamingTableTest {

    private static Measurement series(BenchmarkId id, String unit, double... forkValues) {
        return Measurement.ofForks(
                id, unit, Arrays.stream(forkValues).mapToObj(v -> List.of(v, v)).toList());
    }

    private static void add(
            List<Measurement> out,
            String method,
            String gapMs,
            String path,
            double[] ms,
            double[] bytes) {
        BenchmarkId id =
                BenchmarkId.primary(
                        StreamingTable.BENCHMARK + method,
                        "avgt",
                        Map.of(
                                "path",
                                path,
                                "events",
                                "20",
                                "gapMs",
                                gapMs,
                                "transport",
                                "APACHE"));
        out.add(series(id, "ms/op", ms));
        out.add(series(id.withSecondary(StreamingTable.BYTES), "B/op", bytes));
    }

    private final String md;

    StreamingTableTest() {
        List<Measurement> ms = new ArrayList<>();
        add(ms, "firstToken", "5", "RAW_TRANSPORT", new double[] {6.00, 6.02, 5.98}, b(900));
        add(ms, "firstToken", "5", "SYNC_STREAM", new double[] {6.01, 6.03, 5.99}, b(5000));
        add(ms, "firstToken", "5", "OPENAI_JAVA", new double[] {8.8, 8.9, 8.7}, b(30000));
        // Unpaced: SYNC_STREAM costs 44 µs more per stream (2 µs for each of 22 chunks), and
        // 22 x 500 B more.
        add(ms, "wholeStream", "0", "RAW_TRANSPORT", new double[] {0.200, 0.201, 0.199}, b(20000));
        add(
                ms,
                "wholeStream",
                "0",
                "SYNC_STREAM",
                new double[] {0.244, 0.245, 0.243},
                b(20000 + 22 * 500));
        md =
                new StreamingTable(new Bootstrap(new BootstrapSettings(1_000, 0.95, 42L)))
                        .markdown(new JmhRun(Path.of("streaming.json"), ms, "synthetic"));
    }

    private static double[] b(double bytes) {
        return new double[] {bytes, bytes, bytes};
    }

    @Test
    void eachSection_listsThePathsRawFirst_inMicroseconds_withTheRatioToRaw() {
        assertThat(md)
                .contains("### Streaming, firstToken {events=20, gapMs=5, transport=APACHE}")
                .contains("| RAW_TRANSPORT | 3 | 6000.0 | 900.0 | 1 |")
                .contains("| OPENAI_JAVA | 3 | 8800.0 | 30000.0 | 1.467× [");
        assertThat(md.indexOf("| RAW_TRANSPORT")).isLessThan(md.indexOf("| SYNC_STREAM"));
    }

    @Test
    void theTtftBar_andThePerEventBars_areJudgedByTheirIntervals() {
        assertThat(md)
                .containsPattern(
                        "Bar — SYNC_STREAM time to first token within 1\\.1× the raw transport's"
                                + " first bytes: 1\\.002× \\[[0-9.]+, [0-9.]+\\] — holds")
                .containsPattern(
                        "\\| SYNC_STREAM \\| \\+2\\.000 \\[[-+0-9.]+, [-+0-9.]+\\] \\| holds \\|"
                                + " \\+500\\.000 \\[[-+0-9.]+, [-+0-9.]+\\] \\| holds \\|");
    }

    @Test
    void atMost_isHoldsFailsOrUndecided_byTheInterval() {
        assertThat(StreamingTable.atMost(new ConfidenceInterval(1, 0.9, 1.05, 0.95, 3, ""), 1.1))
                .isEqualTo("holds");
        assertThat(StreamingTable.atMost(new ConfidenceInterval(7, 6, 8, 0.95, 3, ""), 5))
                .isEqualTo("does not hold");
        assertThat(StreamingTable.atMost(new ConfidenceInterval(5, 4, 6, 0.95, 3, ""), 5))
                .startsWith("undecided");
    }

    @Test
    void aRunWithoutStreamingResults_hasNoTable() {
        assertThat(
                        new StreamingTable(new Bootstrap(BootstrapSettings.DEFAULT))
                                .markdown(new JmhRun(Path.of("none.json"), List.of(), "synthetic")))
                .isEmpty();
    }
}
