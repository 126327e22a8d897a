package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a batch came to: one {@link ItemResult} per request, in input order, and how the batch
 * ended. Nothing is lost: a batch of n requests always has n items, whatever failed, was cancelled
 * or ran out of time.
 *
 * @param items one result per request, {@code items.get(i).index() == i}
 * @param end how the batch ended; when it was stopped, the items it did not finish say so
 * @param elapsed wall time from the start of the batch to its last item's end
 */
public record BatchResult(List<ItemResult> items, BatchEnd end, Duration elapsed) {

    /**
     * @throws NullPointerException naming the field
     * @throws IllegalArgumentException if an item is out of place
     */
    public BatchResult {
        items = List.copyOf(items);
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(elapsed, "elapsed");
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "items[" + i + "] has index " + items.get(i).index());
            }
        }
    }

    /** The number of items, which is the number of requests. */
    public int size() {
        return items.size();
    }

    /** How many items came to {@code status}. */
    public int count(ItemStatus status) {
        return (int) items.stream().filter(i -> i.status() == status).count();
    }

    /** Item counts by status, every status present (0 when none). */
    public Map<ItemStatus, Integer> counts() {
        Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            counts.put(s, count(s));
        }
        return counts;
    }

    /** Whether every item succeeded (true for an empty batch). */
    public boolean allSucceeded() {
        return count(ItemStatus.SUCCEEDED) == items.size();
    }

    /**
     * The responses in input order, for callers that want all or nothing.
     *
     * @throws dev.dualpath.adapter.error.ProviderException the error of the first item that did not
     *     succeed
     */
    public List<UnifiedChatResponse> responsesOrThrow() {
        return items.stream().map(ItemResult::responseOrThrow).toList();
    }

    /** Counts and ending only; the responses can be large. */
    @Override
    public String toString() {
        return "BatchResult["
                + items.size()
                + " items: "
                + counts().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))
                + "; end="
                + end
                + ", elapsed="
                + elapsed.toMillis()
                + " ms]";
    }
}
