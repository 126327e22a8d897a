package dev.dualpath.bench.verdict.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Draws {@link ChartData} as a PNG with JFreeChart, headless. */
final class ChartRenderer {

    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    static {
        // Charts are drawn on build servers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private ChartRenderer() {}

    static void renderPng(ChartData data, Path file) throws IOException {
        XYPlot plot =
                data.style() == ChartData.Style.LOG_X_LINES ? logPlot(data) : categoryPlot(data);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(data.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    private static XYPlot categoryPlot(ChartData data) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (ChartData.Series s : data.series()) {
            YIntervalSeries ys = new YIntervalSeries(s.name());
            s.points().forEach(p -> ys.add(p.x(), p.y(), p.lower(), p.upper()));
            dataset.addSeries(ys);
        }
        List<String> labels = categoryLabels(data);
        SymbolAxis x = new SymbolAxis(data.xLabel(), labels.toArray(new String[0]));
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis(data.yLabel());
        y.setAutoRangeIncludesZero(data.style() == ChartData.Style.CATEGORY_POINTS);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(data.style() == ChartData.Style.CATEGORY_LINES);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        renderer.setCapLength(8);
        return new XYPlot(dataset, x, y, renderer);
    }

    private static List<String> categoryLabels(ChartData data) {
        int n =
                data.series().stream()
                                .flatMap(s -> s.points().stream())
                                .mapToInt(p -> (int) p.x())
                                .max()
                                .orElse(-1)
                        + 1;
        String[] labels = new String[n];
        data.series().forEach(s -> s.points().forEach(p -> labels[(int) p.x()] = p.label()));
        for (int i = 0; i < n; i++) if (labels[i] == null) labels[i] = "";
        return List.of(labels);
    }

    private static XYPlot logPlot(ChartData data) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (ChartData.Series s : data.series()) {
            XYSeries xs = new XYSeries(s.name(), false, true);
            s.points().forEach(p -> xs.add(p.x(), p.y()));
            dataset.addSeries(xs);
        }
        ValueAxis x = new LogAxis(data.xLabel());
        NumberAxis y = new NumberAxis(data.yLabel());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        return new XYPlot(dataset, x, y, renderer);
    }
}
