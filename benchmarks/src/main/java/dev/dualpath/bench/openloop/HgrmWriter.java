package dev.dualpath.bench.openloop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Writes a histogram as HdrHistogram's percentile distribution ({@code
 * outputPercentileDistribution}), the {@code .hgrm} text that HdrHistogram's plotter and the
 * report's {@code HgrmReader} read.
 *
 * <p>Scaling: histograms hold nanoseconds; the file holds microseconds, written with an output
 * value unit scaling ratio of {@value #SCALING_RATIO}.
 */
public final class HgrmWriter {

    /** ns per µs: the output value unit scaling ratio. */
    public static final double SCALING_RATIO = 1000.0;

    /** The unit of the values in a written file. */
    public static final String UNIT = "us";

    /**
     * Percentile ticks per half distance: HdrHistogram's default, 5 lines per halving of the tail.
     */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    private HgrmWriter() {}

    /**
     * Writes a histogram's percentile distribution as an HdrHistogram {@code .hgrm} file, in
     * microseconds.
     *
     * @param nanos a histogram with at least one value, in ns
     * @param file where to write (its folder must exist); replaced if present
     * @throws IllegalArgumentException if the histogram is empty: an empty distribution has no data
     *     line, and readers reject such a file
     * @throws IOException if the file cannot be written
     */
    public static void write(Histogram nanos, Path file) throws IOException {
        if (nanos.getTotalCount() == 0) {
            throw new IllegalArgumentException(
                    "histogram for " + file.getFileName() + " is empty; nothing to write");
        }
        try (OutputStream out = Files.newOutputStream(file);
                PrintStream print = new RootLocalePrintStream(out)) {
            nanos.outputPercentileDistribution(print, TICKS_PER_HALF_DISTANCE, SCALING_RATIO);
            print.flush();
            if (print.checkError()) {
                throw new IOException("cannot write " + file);
            }
        }
    }

    /**
     * HdrHistogram formats with the default locale ({@code PrintStream.format(String, ...)}): under
     * a German locale it would write {@code 10,000} and no reader would parse the file. This stream
     * formats every such call with {@link Locale#ROOT}.
     */
    private static final class RootLocalePrintStream extends PrintStream {
        RootLocalePrintStream(OutputStream out) {
            super(out, false, StandardCharsets.UTF_8);
        }

        @Override
        public PrintStream format(String format, Object... args) {
            return super.format(Locale.ROOT, format, args);
        }

        @Override
        public PrintStream printf(String format, Object... args) {
            return super.format(Locale.ROOT, format, args);
        }
    }
}
