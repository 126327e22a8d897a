package dev.dualpath.conformance.result;

import dev.dualpath.testkit.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One scenario on one path.
 *
 * @param path the path's name
 * @param verdict the verdict after expected divergences were applied
 * @param skipReason why it was skipped, else null
 * @param outcomes one normalised outcome per call, in call order; empty when skipped
 * @param serverRequests chat requests the fake received over the run
 * @param mismatches every difference from the expected outcome, empty when it matched
 * @param wall how long the run took on this path (informational, never compared)
 */
public record PathResult(
        String path,
        Verdict verdict,
        String skipReason,
        List<Outcome> outcomes,
        int serverRequests,
        List<String> mismatches,
        Duration wall) {

    public PathResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(verdict, "verdict");
        outcomes = List.copyOf(outcomes);
        mismatches = List.copyOf(mismatches);
    }

    /** A path that did not run the scenario, with the reason. */
    public static PathResult skipped(String path, String reason) {
        return new PathResult(
                path, Verdict.SKIPPED, reason, List.of(), 0, List.of(), Duration.ZERO);
    }

    /** Whether the path ran the scenario. */
    public boolean ran() {
        return verdict != Verdict.SKIPPED;
    }

    /** A copy with another verdict (applying a declared divergence). */
    public PathResult withVerdict(Verdict value) {
        return new PathResult(path, value, skipReason, outcomes, serverRequests, mismatches, wall);
    }
}
