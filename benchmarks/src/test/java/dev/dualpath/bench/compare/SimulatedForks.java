package dev.dualpath.bench.compare;

import dev.dualpath.bench.verdict.machine.MachineConditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Forks whose time is log-normal around 2.6 µs (times {@code headFactor} for the head), bytes
 * exact, the machine busy with {@code foreignCpus} of other work, each fork lasting 10 s of
 * simulated wall time.
 */
final class SimulatedForks implements ForkRunner {
    private final double headFactor;
    private final double foreignCpus;
    private final double noise;
    private final Random rng;

    SimulatedForks(double headFactor, double foreignCpus, double noise, long seed) {
        this.headFactor = headFactor;
        this.foreignCpus = foreignCpus;
        this.noise = noise;
        this.rng = new Random(seed);
    }

    @Override
    public ForkRecord run(Side side, String series, Path resultFile) throws IOException {
        Files.writeString(resultFile, "[]");
        double f = side == Side.HEAD ? headFactor : 1.0;
        Map<String, Double> metrics =
                Map.of(
                        "primary",
                        2.6 * f * Math.exp(noise * rng.nextGaussian()),
                        "gc.alloc.rate.norm",
                        3672.0);
        return new ForkRecord(
                side,
                series,
                resultFile,
                metrics,
                new MachineConditions(foreignCpus, 0, 1, 1, Double.NaN),
                10);
    }
}
