package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The helpers section: a helpers-only run gets a table, and the decoder's figures per chunk. */
class HelperTableTest {

    private static void add(
            List<Measurement> out, String method, Map<String, String> params, double ns, double b) {
        BenchmarkId id = BenchmarkId.primary(HelperTable.PREFIX + method, "avgt", params);
        out.add(
                new Measurement(
                        id,
                        "ns/op",
                        1,
                        2,
                        ns,
                        Double.NaN,
                        Map.of(),
                        List.of(List.of(ns, ns), List.of(ns, ns)),
                        List.of()));
        out.add(
                new Measurement(
                        id.withSecondary(StrategyTable.ALLOC),
                        "B/op",
                        1,
                        2,
                        b,
                        Double.NaN,
                        Map.of(),
                        List.of(List.of(b, b), List.of(b, b)),
                        List.of()));
    }

    private static String markdown(List<Measurement> ms) {
        return new HelperTable()
                .markdown(new RunIndex(new JmhRun(Path.of("helpers.json"), ms, "synthetic")));
    }

    @Test
    void aHelpersRun_getsOneRowPerSetting_withTimeAndBytes() {
        List<Measurement> ms = new ArrayList<>();
        add(ms, "processResponse", Map.of("bodyBytes", "1171", "reader", "STREAM"), 3100, 2200);
        add(ms, "jacksonFloor", Map.of("bodyBytes", "1171"), 1380, 808);

        String md = markdown(ms);

        assertThat(md)
                .contains("### The shared helpers alone")
                .contains("| processResponse | bodyBytes=1171, reader=STREAM | 2 | 3100.0")
                .contains("| jacksonFloor | bodyBytes=1171 | 2 | 1380.0");
    }

    @Test
    void theStreamDecoder_isAlsoShownPerDeliveredChunk() {
        List<Measurement> ms = new ArrayList<>();
        // 20 content deltas + the finish and the usage chunk = 22 chunks.
        add(ms, "decodeStream", Map.of("events", "20"), 22_000, 11_000);

        assertThat(markdown(ms)).contains("1000.0 ns, 500.0 B");
    }

    @Test
    void aRunWithoutHelpers_hasNoSection() {
        assertThat(markdown(List.of())).isEmpty();
    }
}
