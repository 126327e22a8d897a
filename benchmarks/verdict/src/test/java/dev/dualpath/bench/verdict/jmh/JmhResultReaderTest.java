package dev.dualpath.bench.verdict.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.Fixtures;
import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JmhResultReaderTest {

    private static final String IM = "dev.dualpath.bench.InMemoryOverheadBenchmark.call";

    @TempDir Path tmp;

    private final JmhRun run = new JmhResultReader().read(Fixtures.jmh("current/jmh.json"));

    @Test
    void avgtRawDataIsReadPerForkAndIteration() {
        Measurement m =
                run.find(BenchmarkId.primary(IM, "avgt", Map.of("path", "LOOP_PER_CALL")))
                        .orElseThrow();
        assertThat(m.unit()).isEqualTo("us/op");
        assertThat(m.rawDataPerFork()).hasSize(3).allSatisfy(f -> assertThat(f).hasSize(4));
        assertThat(m.units().basis()).isEqualTo(Units.Basis.FORKS);
        assertThat(m.direction()).isEqualTo(MetricDirection.LOWER_IS_BETTER);
    }

    @Test
    void eachSeriesKeepsItsMeasuredIterationTime_forItsSecondariesToo() {
        BenchmarkId loop = BenchmarkId.primary(IM, "avgt", Map.of("path", "LOOP_PER_CALL"));
        assertThat(run.iterationTime(loop)).hasValue(Duration.ofSeconds(1));
        assertThat(run.iterationTime(loop.withSecondary("gc.alloc.rate.norm")))
                .hasValue(Duration.ofSeconds(1));
        assertThat(run.iterationTime(BenchmarkId.primary("no.such.bench", "avgt", Map.of())))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "500 ms|PT0.5S",
                "1 s|PT1S",
                "2 min|PT2M",
                "250 us|PT0.00025S",
                "single-shot|",
                "|",
                "0 s|",
                "-1 s|",
                "5 fortnights|",
                "1.5 s|"
            })
    void jmhTimeValues_areRead_andAnythingElseIsNoTime(String text, String expected) {
        assertThat(JmhResultReader.iterationTime(text == null ? "" : text))
                .isEqualTo(
                        expected == null
                                ? java.util.Optional.empty()
                                : java.util.Optional.of(Duration.parse(expected)));
    }

    @Test
    void paramsArePartOfTheIdentity() {
        BenchmarkId direct = BenchmarkId.primary(IM, "avgt", Map.of("path", "DIRECT"));
        BenchmarkId raw = BenchmarkId.primary(IM, "avgt", Map.of("path", "RAW_BLOCKING"));
        assertThat(direct).isNotEqualTo(raw);
        assertThat(run.find(direct).orElseThrow().units().mean())
                .isNotEqualTo(run.find(raw).orElseThrow().units().mean());
    }

    /**
     * Broken data is an input error naming the file, the field and the series: once, a run whose
     * every score was "NaN" (and {@code []}, {@code rawData: []}, Infinity) gave exit 0, and a
     * single NaN in rawData was dropped silently.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "every value NaN |"
                    + " {\"score\":\"NaN\",\"scoreError\":\"NaN\",\"scoreUnit\":\"us/op\",\"rawData\":[[\"NaN\",\"NaN\"],[\"NaN\"]]}"
                    + " | [0].primaryMetric.score",
                "one NaN in rawData |"
                        + " {\"score\":1,\"scoreUnit\":\"us/op\",\"rawData\":[[1,1],[1,\"NaN\"]]} |"
                        + " [0].primaryMetric.rawData[1][1]",
                "Infinity in rawData |"
                    + " {\"score\":1,\"scoreUnit\":\"us/op\",\"rawData\":[[1,\"Infinity\"],[1,1]]}"
                    + " | [0].primaryMetric.rawData[0][1]",
                "empty rawData | {\"score\":1,\"scoreUnit\":\"us/op\",\"rawData\":[]} |"
                        + " [0].primaryMetric.rawData",
                "a fork with no iterations |"
                        + " {\"score\":1,\"scoreUnit\":\"us/op\",\"rawData\":[[1],[]]} |"
                        + " [0].primaryMetric.rawData[1]",
                "Infinity score |"
                    + " {\"score\":\"Infinity\",\"scoreUnit\":\"us/op\",\"rawData\":[[1],[1]]} |"
                    + " [0].primaryMetric.score",
                "a NaN histogram value |"
                    + " {\"score\":1,\"scoreUnit\":\"us/op\",\"rawDataHistogram\":[[[[\"NaN\",3]]]]}"
                    + " | [0].primaryMetric.rawDataHistogram[0][0][0][0]",
            })
    void brokenDataIsAnInputErrorNamingFileFieldAndSeries(
            String what, String primaryMetric, String field) throws IOException {
        Path file = tmp.resolve("broken.json");
        Files.writeString(
                file,
                "[{\"benchmark\":\"a.B.m\",\"mode\":\"avgt\",\"params\":{\"p\":\"x\"},"
                        + "\"primaryMetric\":"
                        + primaryMetric
                        + "}]");
        assertThatThrownBy(() -> new JmhResultReader().read(file))
                .as(what)
                .isInstanceOf(InputException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("B.m [avgt] {p=x}")
                .satisfies(e -> assertThat(((InputException) e).field()).isEqualTo(field));
    }

    @Test
    void anEmptyResultArrayIsAnInputError() throws IOException {
        Path file = Files.writeString(tmp.resolve("empty.json"), "[]");
        assertThatThrownBy(() -> new JmhResultReader().read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("empty.json")
                .hasMessageContaining("no benchmark results");
    }

    /** JMH writes an empty fork for gc.time when no collection ran: not an error until used. */
    @Test
    void aDefectiveSecondaryMetricIsSetAsideWithItsError() throws IOException {
        Path file =
                Files.writeString(
                        tmp.resolve("gc.json"),
                        """
                        [{"benchmark":"a.B.m","mode":"avgt",
                          "primaryMetric":{"score":1,"scoreUnit":"us/op","rawData":[[1],[1]]},
                          "secondaryMetrics":{"gc.time":{"score":0,"scoreUnit":"ms","rawData":[[1],[]]}}}]
                        """);
        JmhRun read = new JmhResultReader().read(file);
        assertThat(read.measurements()).hasSize(1);
        assertThat(read.defects().keySet())
                .singleElement()
                .satisfies(id -> assertThat(id.secondary()).isEqualTo("gc.time"));
        assertThat(read.defects().values().iterator().next().field())
                .isEqualTo("[0].secondaryMetrics.gc.time.rawData[1]");
    }

    @Test
    void sampleModeHistogramsBecomeIterationMeans() {
        Measurement m =
                run.find(
                                BenchmarkId.primary(
                                        "dev.dualpath.bench.OpenLoopLatencyBenchmark.call",
                                        "sample",
                                        Map.of("path", "DIRECT")))
                        .orElseThrow();
        assertThat(m.histogramsPerFork()).hasSize(3);
        double sum = 0;
        long n = 0;
        for (HistogramBin b : m.histogramsPerFork().get(0).get(0)) {
            sum += b.value() * b.count();
            n += b.count();
        }
        assertThat(m.rawDataPerFork().get(0).get(0))
                .isCloseTo(sum / n, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.percentiles()).containsKey("99.0");
    }

    @Test
    void secondaryMetricsAreSeparateSeriesAndThroughputIsHigherIsBetter() {
        BenchmarkId id =
                BenchmarkId.primary(IM, "avgt", Map.of("path", "SHARED_LOOP"))
                        .withSecondary("gc.alloc.rate.norm");
        Measurement alloc = run.find(id).orElseThrow();
        assertThat(alloc.unit()).isEqualTo("B/op");
        assertThat(alloc.direction()).isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.fromUnit("ops/s")).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.fromUnit("MB/sec")).isEqualTo(MetricDirection.UNKNOWN);
    }

    @Test
    void singleForkUsesIterationsAsUnitsAndOldSecondaryNamesLoseTheirDot() throws IOException {
        Path file = tmp.resolve("one.json");
        Files.writeString(
                file,
                """
                [{"benchmark":"a.B.m","mode":"ss","threads":1,"forks":1,
                  "primaryMetric":{"score":2.0,"scoreError":"NaN","scoreUnit":"ms/op","rawData":[[1.0,2.0,3.0]]},
                  "secondaryMetrics":{"\\u00b7gc.alloc.rate.norm":{"score":8,"scoreUnit":"B/op","rawData":[[8,8,8,8]]}}}]
                """);
        JmhRun one = new JmhResultReader().read(file);
        Measurement m = one.primaries().get(0);
        assertThat(m.scoreError()).isNaN();
        assertThat(m.units().basis()).isEqualTo(Units.Basis.ITERATIONS);
        assertThat(m.units().values()).containsExactly(1.0, 2.0, 3.0);
        assertThat(one.measurements().get(1).id().secondary()).isEqualTo("gc.alloc.rate.norm");
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "[{\"benchmark\": ");
        assertThatThrownBy(() -> new JmhResultReader().read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void missingScoreUnitNamesTheField() throws IOException {
        Path file = tmp.resolve("nounit.json");
        Files.writeString(
                file,
                "[{\"benchmark\":\"a.B.m\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,\"rawData\":[[1]]}}]");
        assertThatThrownBy(() -> new JmhResultReader().read(file))
                .isInstanceOf(InputException.class)
                .satisfies(
                        e ->
                                assertThat(((InputException) e).field())
                                        .isEqualTo("[0].primaryMetric.scoreUnit"));
    }

    @Test
    void missingFileIsAnInputError() {
        assertThatThrownBy(() -> new JmhResultReader().read(tmp.resolve("nope.json")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("file not found");
    }
}
