package dev.dualpath.bench.verdict.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The numbers one chart plots, kept apart from drawing so they can be written as CSV beside the PNG
 * (every figure traces back to a file) and tested without pixels.
 *
 * @param name file stem, e.g. {@code overhead-InMemoryOverheadBenchmark.call}
 * @param title chart title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param style how to draw it
 * @param series the plotted series
 */
public record ChartData(
        String name, String title, String xLabel, String yLabel, Style style, List<Series> series) {

    /** How a chart is drawn. */
    public enum Style {
        /**
         * Categories on x, a point with its interval per category, no lines (overhead per
         * strategy).
         */
        CATEGORY_POINTS,
        /** Categories on x, points with intervals joined by lines (latency against delay). */
        CATEGORY_LINES,
        /** Log-scaled numeric x, lines, no intervals (percentile curves: x = 1/(1-p)). */
        LOG_X_LINES
    }

    /** Freezes the list. */
    public ChartData {
        series = List.copyOf(series);
    }

    /**
     * One plotted series.
     *
     * @param name legend entry
     * @param points its points in x order
     */
    public record Series(String name, List<Point> points) {
        /** Freezes the list. */
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * One point.
     *
     * @param label category label (or the x value as text)
     * @param x numeric x (category index for category styles)
     * @param y value
     * @param lower interval lower bound (= y when none)
     * @param upper interval upper bound (= y when none)
     */
    public record Point(String label, double x, double y, double lower, double upper) {}

    /** The data as CSV: {@code series,x_label,x,y,lower,upper}, numbers via {@link Fmt#num}. */
    public String toCsv() {
        String rows =
                series.stream()
                        .flatMap(
                                s ->
                                        s.points().stream()
                                                .map(
                                                        p ->
                                                                String.join(
                                                                        ",",
                                                                        quote(s.name()),
                                                                        quote(p.label()),
                                                                        Fmt.num(p.x()),
                                                                        Fmt.num(p.y()),
                                                                        Fmt.num(p.lower()),
                                                                        Fmt.num(p.upper()))))
                        .collect(Collectors.joining("\n"));
        return "series,x_label,x,y,lower,upper\n" + rows + (rows.isEmpty() ? "" : "\n");
    }

    /** A file-name-safe form of {@code s}. */
    public static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9._=-]+", "-")
                .replaceAll("-+$", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
