package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.stats.Bootstrap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Charts ({@code charts/*.png}, drawn headless with JFreeChart), each with a {@code .csv} of the
 * plotted numbers beside it: overhead per strategy with its interval, latency against injected
 * delay, and HdrHistogram percentile curves when the run has {@code .hgrm} files. See {@link
 * ChartDataBuilder} for what is plotted.
 */
public final class ChartsReport implements ReportWriter {

    /** Sub-folder written. */
    public static final String DIR = "charts";

    @Override
    public List<Path> write(VerdictReport report, Path outDir) throws IOException {
        Path dir = outDir.resolve(DIR);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (ChartData data : data(report)) {
            Path png = dir.resolve(data.name() + ".png");
            Path csv = dir.resolve(data.name() + ".csv");
            ChartRenderer.renderPng(data, png);
            Files.writeString(csv, data.toCsv(), StandardCharsets.UTF_8);
            written.add(png);
            written.add(csv);
        }
        return written;
    }

    /** The charts this report would draw, without drawing them. */
    public List<ChartData> data(VerdictReport report) {
        ChartDataBuilder builder =
                new ChartDataBuilder(report.charts(), new Bootstrap(report.bootstrap()));
        List<ChartData> charts = new ArrayList<>(builder.overhead(report.run()));
        charts.addAll(builder.latencyVsDelay(report.run()));
        if (!report.hgrmFiles().isEmpty()) {
            HgrmReader reader = new HgrmReader();
            List<ChartData.Series> curves = report.hgrmFiles().stream().map(reader::read).toList();
            charts.add(
                    new ChartData(
                            "percentiles",
                            "Latency percentiles (HdrHistogram)",
                            "1/(1-percentile)",
                            "value (unit of the .hgrm files)",
                            ChartData.Style.LOG_X_LINES,
                            curves));
        }
        return charts;
    }
}
