package dev.dualpath.bench.power;

import dev.dualpath.bench.compare.CompareSession;
import java.util.List;

/**
 * What one condition gave.
 *
 * @param condition the condition
 * @param knob the head's extra JVM arguments
 * @param poolBlocks blocks in its pool (disturbed ones included; those are never judged)
 * @param poolDisturbed blocks of the pool set aside as disturbed
 * @param measured the change the pool measured in the condition's metric
 * @param trials the pool trials
 * @param endToEnd the end-to-end comparisons
 */
public record ConditionResult(
        Condition condition,
        List<String> knob,
        int poolBlocks,
        int poolDisturbed,
        PoolChange measured,
        List<Trial> trials,
        List<CompareSession.Outcome> endToEnd) {

    /** Freezes the lists. */
    public ConditionResult {
        knob = List.copyOf(knob);
        trials = List.copyOf(trials);
        endToEnd = List.copyOf(endToEnd);
    }
}
