package dev.dualpath.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.report.ChartData;
import dev.dualpath.bench.verdict.report.HgrmReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the recorder writes, the report's reader reads back: same values, in µs, where the run
 * folder looks.
 */
class HgrmRoundTripTest {

    @TempDir Path dir;

    @Test
    void writtenDistributionIsReadBackInMicroseconds() throws IOException {
        Histogram nanos = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        for (int i = 1; i <= 1000; i++) {
            nanos.recordValue(i * 10_000L); // 10 µs .. 10 ms
        }
        Files.createDirectories(dir.resolve(StrategyRun.HGRM_DIR));
        Path file = dir.resolve(StrategyRun.hgrmName("DIRECT", true));
        HgrmWriter.write(nanos, file);

        ChartData.Series series = new HgrmReader().read(file);
        assertThat(series.name()).isEqualTo("DIRECT-corrected");
        ChartData.Point median =
                series.points().stream()
                        .filter(p -> Double.parseDouble(p.label()) == 0.5)
                        .findFirst()
                        .orElseThrow();
        assertThat(median.y()).isCloseTo(nanos.getValueAtPercentile(50) / 1000.0, within(0.01));
        assertThat(median.y()).isCloseTo(5000.0, within(5.0));
        List<ChartData.Point> points = series.points();
        assertThat(points.get(0).y()).isCloseTo(10.0, within(0.01));
        assertThat(points.get(points.size() - 1).y())
                .isLessThanOrEqualTo(nanos.getMaxValue() / 1000.0);
    }

    @Test
    void theRunFolderFindsTheFilesInItsHgrmSubfolder() throws IOException {
        Files.writeString(dir.resolve(RunFolder.JMH_JSON), "[]");
        Files.createDirectories(dir.resolve(StrategyRun.HGRM_DIR));
        Histogram one = new Histogram(3);
        one.recordValue(1_000);
        HgrmWriter.write(one, dir.resolve(StrategyRun.hgrmName("RAW_BLOCKING", false)));
        HgrmWriter.write(one, dir.resolve(StrategyRun.hgrmName("RAW_BLOCKING", true)));
        assertThat(RunFolder.of(dir).hgrmFiles())
                .extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
                .containsExactly("hgrm/RAW_BLOCKING-corrected.hgrm", "hgrm/RAW_BLOCKING-raw.hgrm");
    }

    /**
     * HdrHistogram formats with the default locale; a decimal comma would make the file unreadable.
     */
    @Test
    void theFileUsesDecimalPointsUnderAGermanDefaultLocale() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Histogram nanos = new Histogram(3);
            nanos.recordValue(1_234_567);
            Path file = dir.resolve("one.hgrm");
            HgrmWriter.write(nanos, file);
            assertThat(file).content().contains("1234.943").doesNotContain("1234,");
            assertThat(new HgrmReader().read(file).points().get(0).y())
                    .isCloseTo(1234.9, within(0.1));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void anEmptyHistogramIsNotWritten() {
        assertThatThrownBy(() -> HgrmWriter.write(new Histogram(3), dir.resolve("x.hgrm")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThat(dir.resolve("x.hgrm")).doesNotExist();
    }
}
