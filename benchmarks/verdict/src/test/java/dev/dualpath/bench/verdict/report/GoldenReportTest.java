package dev.dualpath.bench.verdict.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.Fixtures;
import dev.dualpath.bench.verdict.claims.ClaimChecker;
import dev.dualpath.bench.verdict.claims.ClaimsFileReader;
import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.claims.PythonReplay;
import dev.dualpath.bench.verdict.claims.PythonSource;
import dev.dualpath.bench.verdict.gate.Gate;
import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.gate.GateResult;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals every report format against golden files, built from the synthetic fixtures with a fixed
 * seed. The default locale is set to one with a decimal comma for the duration, to prove that
 * formatting does not depend on it (Locale.ROOT throughout).
 */
class GoldenReportTest {

    private static Locale saved;
    private static VerdictReport report;

    @TempDir Path tmp;

    @BeforeAll
    static void buildReport() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        BootstrapSettings settings = new BootstrapSettings(2000, 0.95, 42);
        RunFolder current = RunFolder.of(Fixtures.jmh("current"));
        JmhRun run = current.readRun();
        JmhRun baseline = RunFolder.of(Fixtures.jmh("baseline")).readRun();
        RunEnvironment env = current.readEnvironment(run);
        GateConfig gateConfig =
                new GateConfig(0.05, List.of(), GateConfig.defaults().secondaries(), settings);
        GateResult gate = new Gate(gateConfig).compare(baseline, run);
        ClaimsResult claims =
                new ClaimChecker(settings)
                        .check(
                                new ClaimsFileReader().read(Fixtures.projectClaims()),
                                run,
                                env,
                                PythonSource.of(
                                        PythonReplay.read(current.pythonReplay().orElseThrow())));
        report =
                new VerdictReport(
                        env,
                        run,
                        Optional.of(baseline.file()),
                        Optional.of(gate),
                        Optional.of(claims),
                        current.hgrmFiles(),
                        settings,
                        ChartOptions.defaults(),
                        List.of());
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void markdownMatchesGolden() throws IOException {
        Golden.assertMatches("report.md", new MarkdownReport().render(report));
    }

    @Test
    void jsonMatchesGolden() throws IOException {
        Golden.assertMatches("report.json", new JsonReport().render(report));
    }

    @Test
    void junitXmlMatchesGolden() throws IOException {
        String xml = new JunitReport().render(report);
        Golden.assertMatches("junit.xml", xml);
        assertThat(xml).contains("<testsuite name=\"gate\"").contains("<testsuite name=\"claims\"");
    }

    @Test
    void chartDataMatchesGoldenAndPngsAreDrawn() throws IOException {
        List<ChartData> charts = new ChartsReport().data(report);
        assertThat(charts)
                .extracting(ChartData::style)
                .contains(
                        ChartData.Style.CATEGORY_POINTS,
                        ChartData.Style.CATEGORY_LINES,
                        ChartData.Style.LOG_X_LINES);
        for (ChartData c : charts) Golden.assertMatches("charts/" + c.name() + ".csv", c.toCsv());
        List<Path> written = new ChartsReport().write(report, tmp);
        assertThat(written).hasSize(charts.size() * 2);
        for (Path p : written) {
            if (!p.toString().endsWith(".png")) continue;
            BufferedImage img = ImageIO.read(p.toFile());
            assertThat(img).as(p.toString()).isNotNull();
            assertThat(img.getWidth()).isEqualTo(1000);
            assertThat(img.getHeight()).isEqualTo(600);
        }
    }

    @Test
    void everyFormatHasAWriterThatWritesFiles() throws IOException {
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.writer().write(report, tmp.resolve(f.name()))).as(f.name()).isNotEmpty();
        }
    }
}
