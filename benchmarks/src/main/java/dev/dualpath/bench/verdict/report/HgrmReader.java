package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the percentile distribution HdrHistogram writes ({@code outputPercentileDistribution}):
 * lines of {@code Value Percentile TotalCount 1/(1-Percentile)}; header, comment ({@code #}) and
 * the final 100 % line (which has no finite 1/(1-p)) are skipped.
 */
public final class HgrmReader {

    /**
     * Reads an HdrHistogram {@code .hgrm} percentile file as a chart series.
     *
     * @param file a .hgrm file
     * @return a series named after the file: x = 1/(1-percentile), y = value (in the file's unit)
     * @throws InputException if the file cannot be read or has no data line
     */
    public ChartData.Series read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InputException(file, "(file)", "cannot read: " + e.getMessage(), e);
        }
        List<ChartData.Point> points = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || !Character.isDigit(t.charAt(0))) continue;
            String[] f = t.split("\\s+", -1);
            if (f.length < 4) continue;
            try {
                double value = Double.parseDouble(f[0]);
                double inv = Double.parseDouble(f[3]);
                if (!Double.isFinite(inv)) continue;
                points.add(new ChartData.Point(f[1], inv, value, value, value));
            } catch (NumberFormatException e) {
                // not a data line (e.g. "Infinity" spelled differently); skip it
            }
        }
        if (points.isEmpty()) throw new InputException(file, "(file)", "no percentile lines found");
        String name = file.getFileName().toString().replaceFirst("\\.hgrm$", "");
        return new ChartData.Series(name, points);
    }
}
