package dev.dualpath.conformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.batch.BatchEnd;
import dev.dualpath.adapter.batch.ItemStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a scenario's {@code batch} section and its {@code expect.batch}. */
final class BatchParser {

    private BatchParser() {}

    /** {@code "batch": {"limit": 4, "deadlineMs": 800}}. */
    static BatchPlan plan(JsonFields f) {
        f.allowOnly("limit", "deadlineMs");
        Integer limit = f.optInt("limit");
        if (limit == null) {
            throw f.error("limit", "is required (the batch's concurrency limit)");
        }
        Long deadline = f.optLong("deadlineMs");
        return f.build(
                () -> new BatchPlan(limit, deadline == null ? null : Duration.ofMillis(deadline)));
    }

    /**
     * {@code "batch": {"end": "CANCELLED", "statuses": [...], "started": [...], "sleepsMs": [...],
     * "maxServerInFlight": 4}}.
     */
    static ExpectedBatch expected(JsonFields f) {
        f.allowOnly("end", "statuses", "started", "sleepsMs", "maxServerInFlight");
        BatchEnd end = ScenarioParser.optEnum(f, "end", BatchEnd.class);
        List<ItemStatus> statuses = statuses(f);
        List<Boolean> started = started(f);
        List<Duration> sleeps = ExpectationParser.millisList(f, "sleepsMs");
        Integer maxInFlight = f.optInt("maxServerInFlight");
        return f.build(() -> new ExpectedBatch(end, statuses, started, sleeps, maxInFlight));
    }

    private static List<ItemStatus> statuses(JsonFields f) {
        List<JsonNode> items = f.optArray("statuses");
        if (items == null) {
            return null;
        }
        List<ItemStatus> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                out.add(ItemStatus.valueOf(items.get(i).asText("")));
            } catch (IllegalArgumentException e) {
                throw f.error(
                        "statuses[" + i + "]",
                        "must be one of " + List.of(ItemStatus.values()) + ", was " + items.get(i));
            }
        }
        return out;
    }

    private static List<Boolean> started(JsonFields f) {
        List<JsonNode> items = f.optArray("started");
        if (items == null) {
            return null;
        }
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isBoolean()) {
                throw f.error("started[" + i + "]", "must be true or false, was " + items.get(i));
            }
            out.add(items.get(i).asBoolean());
        }
        return out;
    }
}
