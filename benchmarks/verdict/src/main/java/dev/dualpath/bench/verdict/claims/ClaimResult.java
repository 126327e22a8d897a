package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.List;

/**
 * One claim checked on one subject and one side.
 *
 * @param claim the claim
 * @param subject the subject name, or empty for a claim without subjects
 * @param side Python original or Java port
 * @param status HOLDS, FAILS, INCONCLUSIVE, or NOT_MEASURED (its profile did not run)
 * @param value the expression's value with its interval (undefined when data is absent)
 * @param inputs the quantities used, each with its mean and units, for traceability
 * @param reason why the status is INCONCLUSIVE (or what else the reader must know); may be empty
 */
public record ClaimResult(
        Claim claim,
        String subject,
        Side side,
        ClaimStatus status,
        ConfidenceInterval value,
        List<Input> inputs,
        String reason) {

    /** Freezes the list. */
    public ClaimResult {
        inputs = List.copyOf(inputs);
    }

    /**
     * A quantity as used.
     *
     * @param name its name in the expression
     * @param source the series it came from (benchmark display or Python series)
     * @param mean mean of its units (milliseconds for times)
     * @param units number of units
     * @param basis what a unit is (forks, iterations, batches)
     */
    public record Input(String name, String source, double mean, int units, String basis) {}

    /** A stable name for this check, {@code id[SUBJECT]/side}, used as a JUnit test name. */
    public String name() {
        return claim.id() + (subject.isEmpty() ? "" : "[" + subject + "]") + "/" + side.jsonKey();
    }
}
