package dev.dualpath.bench.verdict.sequential;

import java.util.Map;
import java.util.Objects;

/**
 * Four forks of one series, two of the base build and two of the head build, run back to back in
 * the order ABBA or BAAB (chosen at random per block), summarised per metric.
 *
 * @param series which series (benchmark and parameters) the forks measured
 * @param order {@code ABBA} or {@code BAAB}
 * @param base per metric name, the two base forks' summaries (e.g. fork means), in run order
 * @param head per metric name, the two head forks' summaries, in run order
 * @param disturbed why a fork of this block was measured on a disturbed machine, or empty: a
 *     disturbed block is counted and kept on record, never judged
 * @param seconds wall time the block took
 */
public record Block(
        String series,
        String order,
        Map<String, double[]> base,
        Map<String, double[]> head,
        String disturbed,
        double seconds) {

    /** Validates and freezes. */
    public Block {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(order, "order");
        base = Map.copyOf(base);
        head = Map.copyOf(head);
        disturbed = disturbed == null ? "" : disturbed;
    }

    /** Whether the block was measured on a disturbed machine. */
    public boolean isDisturbed() {
        return !disturbed.isEmpty();
    }
}
