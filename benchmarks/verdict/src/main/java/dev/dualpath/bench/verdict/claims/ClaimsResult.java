package dev.dualpath.bench.verdict.claims;

import java.nio.file.Path;
import java.util.List;

/**
 * Every claim checked against one run.
 *
 * @param claimsFile the claims file used
 * @param results one per claim x subject x side, in file order, Python before Java
 * @param python a description of the Python replay used, or why there was none
 */
public record ClaimsResult(Path claimsFile, List<ClaimResult> results, String python) {

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
