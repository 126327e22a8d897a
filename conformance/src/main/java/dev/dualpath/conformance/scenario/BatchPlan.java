package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.conformance.fake.InvalidFieldException;
import java.time.Duration;

/**
 * Sends a scenario's calls ({@code run.calls}, a mix's members or the scenario's own script) as one
 * batch through a path's batch form. Each item plays its own copy of its script (the fake routes by
 * the item's request id), so multi-attempt scripts (a 429, then a success) work per item.
 *
 * @param limit the batch's concurrency limit, 1..64 (the runner's connection pool holds 64)
 * @param deadline the batch deadline, or null for none
 */
public record BatchPlan(int limit, Duration deadline) {

    /** The most a batch scenario may have in flight: the runner's connection pool. */
    public static final int MAX_LIMIT = 64;

    /**
     * @throws InvalidFieldException naming the field, on a value out of range
     */
    public BatchPlan {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
            throw new InvalidFieldException(
                    "deadlineMs", "must be > 0, was " + deadline.toMillis());
        }
    }

    /** The batch options this plan stands for. */
    public BatchOptions options() {
        BatchOptions.Builder b = BatchOptions.builder().limit(limit);
        if (deadline != null) {
            b.deadline(deadline);
        }
        return b.build();
    }
}
