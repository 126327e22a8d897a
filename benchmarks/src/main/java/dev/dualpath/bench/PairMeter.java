package dev.dualpath.bench;

import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The two paths' latencies of {@link PairedFloorBenchmark}, per benchmark JVM, for {@link
 * CallCostProfiler}'s {@code pair.*} metrics: each path's median in an iteration's window, and
 * their ratio. HdrHistogram's {@link Recorder} keeps recording lock-free while the profiler takes
 * an iteration's histogram.
 */
public final class PairMeter {

    /** The path measured, whose time is the ratio's numerator. */
    public static final String PATH_P50 = "pair.path.p50";

    /** The floor it stands on, the ratio's denominator. */
    public static final String FLOOR_P50 = "pair.floor.p50";

    /** The path's median over the floor's, in one iteration of one fork. */
    public static final String RATIO_P50 = "pair.ratio.p50";

    /** Latencies up to an hour, 3 significant digits: every call this suite makes fits. */
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private static final Recorder PATH = new Recorder(HIGHEST_NANOS, 3);
    private static final Recorder FLOOR = new Recorder(HIGHEST_NANOS, 3);

    private PairMeter() {}

    /** Records one call of the path measured, {@code nanos} long. */
    static void recordPath(long nanos) {
        PATH.recordValue(Math.max(0, nanos));
    }

    /** Records one call of the floor, {@code nanos} long. */
    static void recordFloor(long nanos) {
        FLOOR.recordValue(Math.max(0, nanos));
    }

    /** Forgets what was recorded so far: an iteration's window starts. */
    static void reset() {
        PATH.reset();
        FLOOR.reset();
    }

    /**
     * The medians of both paths since the last {@link #reset()} or {@link #take()}, µs; empty when
     * either recorded nothing (every benchmark but {@link PairedFloorBenchmark}).
     */
    static Optional<Medians> take() {
        Histogram path = PATH.getIntervalHistogram();
        Histogram floor = FLOOR.getIntervalHistogram();
        if (path.getTotalCount() == 0 || floor.getTotalCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(
                new Medians(
                        path.getValueAtPercentile(50) / 1_000.0,
                        floor.getValueAtPercentile(50) / 1_000.0));
    }

    /**
     * One window's medians.
     *
     * @param pathMicros the path's median, µs
     * @param floorMicros the floor's median, µs
     */
    record Medians(double pathMicros, double floorMicros) {

        /** The path's median over the floor's. */
        double ratio() {
            return pathMicros / floorMicros;
        }
    }
}
