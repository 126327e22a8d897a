package dev.dualpath.conformance.result;

import dev.dualpath.testkit.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One scenario on one path.
 *
 * @param path the path's name
 * @param verdict the verdict, the plug-in's expected divergences applied
 * @param skipReason why it was skipped, else null
 * @param outcomes one normalised outcome per call, in call order; empty when skipped
 * @param serverRequests chat requests the fake received over the run
 * @param mismatches every difference from the expected outcome and from the other paths, and any
 *     leak, empty when it matched and agreed
 * @param leaks what the client left behind once closed (thread names, open connections to the
 *     fake), empty when nothing; each leak is also a mismatch
 * @param excuse the declared divergence for this cell ({@code observed — reason}), or null
 * @param wall how long the run took on this path (informational, never compared)
 */
public record PathResult(
        String path,
        Verdict verdict,
        String skipReason,
        List<Outcome> outcomes,
        int serverRequests,
        List<String> mismatches,
        List<String> leaks,
        String excuse,
        Duration wall) {

    public PathResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(verdict, "verdict");
        outcomes = List.copyOf(outcomes);
        mismatches = List.copyOf(mismatches);
        leaks = leaks == null ? List.of() : List.copyOf(leaks);
    }

    /** A path that did not run the scenario, with the reason. */
    public static PathResult skipped(String path, String reason) {
        return new PathResult(
                path,
                Verdict.SKIPPED,
                reason,
                List.of(),
                0,
                List.of(),
                List.of(),
                null,
                Duration.ZERO);
    }

    /** Whether the path ran the scenario. */
    public boolean ran() {
        return verdict != Verdict.SKIPPED;
    }

    /** A copy with another verdict and excuse (applying a declared divergence). */
    public PathResult withVerdict(Verdict value, String excuseValue) {
        return new PathResult(
                path,
                value,
                skipReason,
                outcomes,
                serverRequests,
                mismatches,
                leaks,
                excuseValue,
                wall);
    }

    /** A copy with {@code more} mismatches appended, the verdict unchanged. */
    public PathResult withMoreMismatches(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(mismatches);
        all.addAll(more);
        return new PathResult(
                path, verdict, skipReason, outcomes, serverRequests, all, leaks, excuse, wall);
    }
}
