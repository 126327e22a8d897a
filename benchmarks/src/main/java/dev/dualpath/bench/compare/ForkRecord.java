package dev.dualpath.bench.compare;

import dev.dualpath.bench.verdict.machine.MachineConditions;
import java.nio.file.Path;
import java.util.Map;

/**
 * One fork as it ran: what it measured and what the machine did meanwhile.
 *
 * @param side base or head
 * @param series the series' label (the compared {@code @Param} value)
 * @param file the fork's own JMH JSON
 * @param metrics per metric name ({@code primary} for the score), the fork's mean
 * @param conditions the machine during the fork
 * @param wallSeconds how long the fork took, JVM start-up included
 */
public record ForkRecord(
        Side side,
        String series,
        Path file,
        Map<String, Double> metrics,
        MachineConditions conditions,
        double wallSeconds) {

    /** Freezes the map. */
    public ForkRecord {
        metrics = Map.copyOf(metrics);
    }
}
