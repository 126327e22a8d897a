package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.batch.BatchResult;
import dev.dualpath.adapter.batch.ItemResult;
import dev.dualpath.adapter.batch.ItemStatus;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.ServerScript;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.scenario.Action;
import dev.dualpath.conformance.scenario.Expectation;
import dev.dualpath.conformance.scenario.ExpectedBatch;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import dev.dualpath.testkit.Normaliser;
import dev.dualpath.testkit.Outcome;
import dev.dualpath.testkit.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Plays a scenario with a {@code batch} section on one batch path (README "Batches"): its calls
 * become one batch, each item routed by its request id to its own copy of its script, the action
 * (if any) stops the whole batch, and the result is checked item by item and as a whole — every
 * item present and in input order, each with its script's outcome unless the batch stopped it, and
 * the fake never seeing more calls at once than the limit allows (when the scenario bounds it).
 */
final class BatchScenarioRun {

    /** A waits value for items: retry waits cannot be told apart between items running at once. */
    private static final RecordingSleeper.Waits NOT_ATTRIBUTED =
            new RecordingSleeper.Waits(List.of(), 0);

    private final FakeProvider fake;
    private final ScenarioCatalog catalog;
    private final Predicate<Thread> notTheClients;

    /**
     * A runner of batch scenarios against {@code fake}.
     *
     * @param notTheClients threads that may appear during a run without being the client's
     */
    BatchScenarioRun(FakeProvider fake, ScenarioCatalog catalog, Predicate<Thread> notTheClients) {
        this.fake = fake;
        this.catalog = catalog;
        this.notTheClients = notTheClients;
    }

    /**
     * One item: its request (with the id the fake routes on), its script and its expectation.
     *
     * @param index the item's position, from 0
     */
    record Item(int index, ChatRequest request, ServerScript script, Expectation expectation) {}

    /**
     * The items of {@code scenario}'s batch: item {@code i} plays mix member {@code i % size} (or
     * the scenario itself), with request id {@code <member id>#<i>}, {@code i} zero-padded to one
     * width so that no item's id is a prefix of another's.
     */
    static List<Item> items(Scenario scenario, ScenarioCatalog catalog) {
        List<Scenario> members =
                scenario.run().isMix() ? catalog.mixMembers(scenario) : List.of(scenario);
        int calls = scenario.run().calls();
        String format = "%s#%0" + String.valueOf(calls - 1).length() + "d";
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Scenario played = members.get(i % members.size());
            String id = String.format(Locale.ROOT, format, played.id(), i);
            items.add(
                    new Item(
                            i,
                            played.chatRequest().withRequestId(id),
                            played.server(),
                            played.expect()));
        }
        return items;
    }

    PathResult run(Scenario scenario, PathUnderTest path) {
        long startNanos = System.nanoTime();
        Duration bound = PathRun.bound(scenario);
        long deadline = startNanos + bound.toNanos();
        List<Item> items = items(scenario, catalog);
        Map<String, ServerScript> routes = new LinkedHashMap<>();
        items.forEach(i -> routes.put(i.request().requestId(), i.script()));
        URI base = fake.applyRouted(routes);
        Action action = scenario.action();
        RecordingSleeper sleeper = PathRun.sleeperFor(action);
        List<String> mismatches = new ArrayList<>();
        LiveThreads before = LiveThreads.snapshot();
        ClientUnderTest client =
                PathRun.open(path, base, scenario, sleeper, Math.max(4, scenario.batch().limit()));
        StartedBatch.Outcome outcome;
        try {
            StartedBatch batch =
                    StartedBatch.start(
                            client,
                            items.stream().map(Item::request).toList(),
                            scenario.batch().options(),
                            "conformance-batch-" + path.name());
            if (action != null) {
                PathRun.awaitTrigger(fake, action, sleeper, () -> 0, mismatches);
                batch.stop();
            }
            outcome = batch.await(deadline, bound);
        } finally {
            client.close();
        }
        List<String> leaks = ClientLeaks.await(before, notTheClients, base.getPort());
        leaks.forEach(l -> mismatches.add("left behind after close: " + l));
        int serverRequests = fake.chatRequestCount();
        List<Outcome> outcomes = new ArrayList<>();
        if (outcome.failure() != null) {
            mismatches.add(
                    "the batch itself failed (no item result): "
                            + outcome.failure().getClass().getName()
                            + ": "
                            + outcome.failure().getMessage());
        } else {
            check(scenario, items, outcome.result(), serverRequests, outcomes, mismatches);
            ExpectedBatch expected = scenario.expect().batch();
            if (expected != null) {
                mismatches.addAll(
                        expected.mismatches(
                                outcome.result(),
                                sleeper.drain().requested(),
                                fake.chatInFlightPeak()));
            }
        }
        mismatches.addAll(scenario.expect().runMismatches(serverRequests));
        return new PathResult(
                path.name(),
                mismatches.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                null,
                outcomes,
                serverRequests,
                mismatches,
                leaks,
                null,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Nothing lost, in order; then each item against its script, or as the batch stopped it. */
    private static void check(
            Scenario scenario,
            List<Item> items,
            BatchResult result,
            int serverRequests,
            List<Outcome> outcomes,
            List<String> mismatches) {
        if (result.size() != items.size()) {
            mismatches.add(
                    "batch: " + items.size() + " items sent, " + result.size() + " reported");
            return;
        }
        boolean statusesNamed =
                scenario.expect().batch() != null && scenario.expect().batch().statuses() != null;
        for (Item item : items) {
            ItemResult r = result.items().get(item.index());
            String prefix = "item " + item.index() + ": ";
            String id = item.request().requestId();
            if (!id.equals(r.requestId())) {
                mismatches.add(prefix + "reported request id " + r.requestId() + ", sent " + id);
            }
            ProviderException error = r.failure().orElse(null);
            UnifiedChatResponse response = r instanceof ItemResult.Success s ? s.response() : null;
            outcomes.add(Normaliser.normalise(response, error, NOT_ATTRIBUTED));
            KeyCanary.findIn(response, error).ifPresent(m -> mismatches.add(prefix + m));
            if (r instanceof ItemResult.Stopped stopped) {
                stoppedMismatch(stopped).ifPresent(m -> mismatches.add(prefix + m));
                if (!statusesNamed) {
                    mismatches.add(prefix + "stopped (" + r.status() + ") but no status named");
                }
                continue;
            }
            Expectation expect = item.expectation().forBatchItem(response != null);
            PathRun.check(
                            expect,
                            new StartedCall.Result(response, error),
                            outcomes.get(outcomes.size() - 1),
                            serverRequests,
                            0)
                    .forEach(m -> mismatches.add(prefix + m));
        }
    }

    /** A stopped item's error must be the one its status names, carrying the item's id. */
    private static Optional<String> stoppedMismatch(ItemResult.Stopped item) {
        ProviderException e = item.error();
        boolean right =
                item.status() == ItemStatus.CANCELLED
                        ? e instanceof CancelledException
                        : e instanceof ProviderTimeoutException t
                                && t.phase() == TimeoutPhase.TOTAL;
        if (!right) {
            return Optional.of(
                    item.status()
                            + " with "
                            + e.getClass().getSimpleName()
                            + ": "
                            + e.getMessage());
        }
        if (!item.requestId().equals(e.requestId())) {
            return Optional.of("error carries request id " + e.requestId());
        }
        return Optional.empty();
    }
}
