package dev.dualpath.bench.verdict.claims;

import java.nio.file.Path;
import java.util.List;

/**
 * Every claim checked against one run.
 *
 * @param claimsFile the claims file used
 * @param results one per claim x subject x side, in file order, sides in {@link Side} order
 * @param python a description of the Python stdlib replay used, or why there was none
 * @param sdk the real-SDK replay used (its patterns are reported beside the claims), or why there
 *     was none
 */
public record ClaimsResult(
        Path claimsFile, List<ClaimResult> results, String python, SdkSource sdk) {

    /** Freezes the list. */
    public ClaimsResult {
        results = List.copyOf(results);
    }

    /** Number of results with the status. */
    public long count(ClaimStatus s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** 1 if any claim FAILS, else 0. */
    public int exitCode() {
        return results.stream().mapToInt(r -> r.status().exitCode()).max().orElse(0);
    }
}
