package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.batch.BatchEnd;
import dev.dualpath.adapter.batch.BatchResult;
import dev.dualpath.adapter.batch.ItemResult;
import dev.dualpath.adapter.batch.ItemStatus;
import dev.dualpath.conformance.fake.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a batch as a whole must come to, beyond each item's own expectation; null fields are not
 * checked. Items that ran to their end are checked against their script's expectation; stopped
 * items against {@code statuses} and {@code started}.
 *
 * @param end how the batch ends; COMPLETED when null
 * @param statuses every item's status in input order, or null: then every item must come to what
 *     its expectation says (a response: SUCCEEDED, an error: FAILED)
 * @param started for every item, whether the batch started its call, or null
 * @param sleeps every retry wait the batch asked for, in any order (they cannot be told apart by
 *     item), or null
 * @param maxServerInFlight the most chat requests the fake may see at once, or null; only for
 *     scripts without faults (a faulted request leaves the fake's count late)
 */
public record ExpectedBatch(
        BatchEnd end,
        List<ItemStatus> statuses,
        List<Boolean> started,
        List<Duration> sleeps,
        Integer maxServerInFlight) {

    /**
     * @throws InvalidFieldException naming the field
     */
    public ExpectedBatch {
        statuses = statuses == null ? null : List.copyOf(statuses);
        started = started == null ? null : List.copyOf(started);
        sleeps = sleeps == null ? null : sorted(sleeps);
        if (statuses != null && started != null && statuses.size() != started.size()) {
            throw new InvalidFieldException(
                    "started",
                    "must have one entry per item like statuses ("
                            + statuses.size()
                            + "), has "
                            + started.size());
        }
        if (maxServerInFlight != null && maxServerInFlight < 1) {
            throw new InvalidFieldException(
                    "maxServerInFlight", "must be >= 1, was " + maxServerInFlight);
        }
    }

    /** The batch's ending this expects. */
    public BatchEnd expectedEnd() {
        return end == null ? BatchEnd.COMPLETED : end;
    }

    /** The number of items this names per item, or -1 when it names none. */
    int items() {
        return statuses != null ? statuses.size() : started != null ? started.size() : -1;
    }

    /**
     * Checks a batch's result and what the fake and the sleeper saw.
     *
     * @param result the batch's result
     * @param waits every retry wait asked for during the batch
     * @param serverPeak {@code FakeProvider.chatInFlightPeak()} after the batch
     * @return every difference, empty (and mutable) when it matches
     */
    public List<String> mismatches(BatchResult result, List<Duration> waits, int serverPeak) {
        List<String> out = new ArrayList<>();
        Describe.equal(out, "batch.end", expectedEnd(), result.end());
        if (statuses != null) {
            Describe.equal(
                    out,
                    "batch.statuses",
                    statuses,
                    result.items().stream().map(ItemResult::status).toList());
        }
        if (started != null) {
            Describe.equal(
                    out,
                    "batch.started",
                    started,
                    result.items().stream().map(ItemResult::started).toList());
        }
        if (sleeps != null) {
            Describe.equal(out, "batch.sleepsMs", sleeps, sorted(waits));
        }
        if (maxServerInFlight != null && serverPeak > maxServerInFlight) {
            out.add(
                    "batch.maxServerInFlight: the fake saw "
                            + serverPeak
                            + " chat requests at once, more than "
                            + maxServerInFlight);
        }
        return out;
    }

    private static List<Duration> sorted(List<Duration> waits) {
        return waits.stream().sorted().toList();
    }
}
