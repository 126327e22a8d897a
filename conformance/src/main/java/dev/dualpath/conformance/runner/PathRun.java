package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.ServerScript;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.scenario.Action;
import dev.dualpath.conformance.scenario.ClientConfig;
import dev.dualpath.conformance.scenario.Expectation;
import dev.dualpath.conformance.scenario.Observation;
import dev.dualpath.conformance.scenario.RequestOverrides;
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
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Plays one scenario on one path against the fake provider (README "What the runner does"), within
 * the scenario's bound, and checks every call against its expectation. Not thread-safe: the fake
 * serves one scenario at a time.
 */
final class PathRun {

    /**
     * The longest real retry wait of a scenario that does not act during a backoff (the full wait
     * is still recorded and checked); see {@link RecordingSleeper}.
     */
    static final Duration MAX_REAL_BACKOFF = Duration.ofMillis(100);

    /** Longest wait for an action's trigger, a stale connection's close, or a client abort. */
    static final Duration EVENT_BOUND = Duration.ofSeconds(5);

    /**
     * How long the client stays idle after the server closed its kept-alive connection, before the
     * next call of an {@code awaitServerClose} run. A stale connection is one a server closed while
     * it sat idle in the pool (its keep-alive timeout), so the close is in the past when the next
     * call leases it: every transport must then notice it before writing the request (the JDK's and
     * Apache async's selectors as soon as the FIN arrives; Apache classic's check of a connection
     * idle for more than {@code ApacheClients.STALE_CHECK_AFTER}, 100 ms) and send the request
     * once, at once, on a new connection. A close that races the request itself is another case:
     * the request may have reached the server, and only the retry policy may send it again.
     */
    static final Duration IDLE_AFTER_SERVER_CLOSE = Duration.ofMillis(300);

    private final FakeProvider fake;
    private final ScenarioCatalog catalog;
    private final Predicate<Thread> notTheClients;

    /**
     * A runner of scenarios against {@code fake}.
     *
     * @param notTheClients threads that may appear during a run without being the client's (the
     *     fake provider's, the JVM's, the client library's JVM-wide ones)
     */
    PathRun(FakeProvider fake, ScenarioCatalog catalog, Predicate<Thread> notTheClients) {
        this.fake = fake;
        this.catalog = catalog;
        this.notTheClients = notTheClients;
    }

    /**
     * The longest a scenario may take on one path: every attempt's connect and request timeouts,
     * the largest backoff between attempts, for each sequential call (a batch: each round of {@code
     * limit} calls), plus 5 s of slack.
     */
    static Duration bound(Scenario s) {
        ClientConfig c = s.client();
        Duration attempt = c.connectTimeout().plus(c.requestTimeout());
        Duration call =
                attempt.multipliedBy(c.maxRetries() + 1L)
                        .plus(ClientConfig.MAX_BACKOFF.multipliedBy(c.maxRetries()));
        int calls = s.run().calls();
        long sequential =
                s.run().parallel()
                        ? 1
                        : s.batch() != null
                                ? (calls + s.batch().limit() - 1) / s.batch().limit()
                                : calls;
        return call.multipliedBy(sequential).plusSeconds(5);
    }

    PathResult run(Scenario scenario, PathUnderTest path) {
        if (scenario.batch() != null) {
            return new BatchScenarioRun(fake, catalog, notTheClients).run(scenario, path);
        }
        long startNanos = System.nanoTime();
        Duration bound = bound(scenario);
        long deadline = startNanos + bound.toNanos();
        URI base = apply(scenario);
        RecordingSleeper sleeper = sleeperFor(scenario.action());
        List<PlannedCall> calls = PlannedCall.of(scenario, catalog);
        int maxConnections = scenario.run().parallel() ? scenario.run().calls() : 4;
        List<String> mismatches = new ArrayList<>();
        List<StartedCall.Result> results = new ArrayList<>();
        List<RecordingSleeper.Waits> waits = new ArrayList<>();
        LiveThreads before = LiveThreads.snapshot();
        ClientUnderTest client = open(path, base, scenario, sleeper, maxConnections);
        try {
            if (scenario.run().parallel()) {
                runParallel(path, client, calls, scenario.streamed(), deadline, bound, results);
                RecordingSleeper.Waits all = sleeper.drain();
                if (!all.requested().isEmpty()) {
                    mismatches.add(
                            "run: "
                                    + all.requested().size()
                                    + " retry waits in a parallel run cannot be "
                                    + "attributed to calls: "
                                    + all.requested());
                }
                calls.forEach(c -> waits.add(new RecordingSleeper.Waits(List.of(), 0)));
            } else {
                for (PlannedCall call : calls) {
                    if (scenario.run().awaitServerClose()
                            && call.index() > 0
                            && !Bounded.await(
                                    () -> fake.serverClosedConnectionCount() >= call.index(),
                                    EVENT_BOUND)) {
                        mismatches.add(
                                "run: the server did not close connection "
                                        + call.index()
                                        + " within "
                                        + EVENT_BOUND.toMillis()
                                        + " ms");
                    }
                    if (scenario.run().awaitServerClose() && call.index() > 0) {
                        Bounded.pause(IDLE_AFTER_SERVER_CLOSE);
                    }
                    StartedCall started =
                            StartedCall.start(
                                    client,
                                    call.request(),
                                    threadName(path, call),
                                    scenario.streamed());
                    if (scenario.action() != null) {
                        act(scenario.action(), started, sleeper, mismatches);
                    }
                    results.add(started.await(deadline, bound));
                    waits.add(sleeper.drain());
                }
            }
        } finally {
            client.close();
        }
        List<String> leaks = ClientLeaks.await(before, notTheClients, base.getPort());
        leaks.forEach(l -> mismatches.add("left behind after close: " + l));
        int serverRequests = fake.chatRequestCount();
        boolean wantsAbort =
                calls.stream()
                        .anyMatch(c -> Boolean.TRUE.equals(c.expectation().clientClosedSocket()));
        if (wantsAbort) {
            Bounded.await(() -> fake.clientAbortCount() >= 1, EVENT_BOUND);
        }
        int clientAborts = fake.clientAbortCount();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            StartedCall.Result r = results.get(i);
            Outcome outcome =
                    Normaliser.normalise(r.response(), r.failure(), waits.get(i), r.chunks());
            outcomes.add(outcome);
            String prefix = calls.size() > 1 ? "call " + i + ": " : "";
            check(calls.get(i).expectation(), r, outcome, serverRequests, clientAborts)
                    .forEach(m -> mismatches.add(prefix + m));
            KeyCanary.findIn(r.response(), r.failure()).ifPresent(m -> mismatches.add(prefix + m));
        }
        mismatches.addAll(scenario.expect().runMismatches(serverRequests));
        Verdict verdict = mismatches.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        return new PathResult(
                path.name(),
                verdict,
                null,
                outcomes,
                serverRequests,
                mismatches,
                leaks,
                null,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * The sleeper a scenario's client waits through: a real one when the action comes during a
     * backoff (there must be a wait to act in), else one capped at {@link #MAX_REAL_BACKOFF}.
     */
    static RecordingSleeper sleeperFor(Action action) {
        return action != null && action.from() == Action.Trigger.BACKOFF_STARTED
                ? RecordingSleeper.real()
                : RecordingSleeper.capped(MAX_REAL_BACKOFF);
    }

    /** {@code path}'s client for one run of {@code scenario} against the fake at {@code base}. */
    static ClientUnderTest open(
            PathUnderTest path,
            URI base,
            Scenario scenario,
            RecordingSleeper sleeper,
            int maxConnections) {
        return path.open(
                new ClientSetup(
                        base,
                        scenario.client(),
                        sleeper,
                        maxConnections,
                        ClientSetup.TEST_API_KEY));
    }

    /** One successful call per path against a plain 200 script; outcomes are discarded. */
    void warmUp(List<PathUnderTest> paths) {
        URI base = fake.apply(ServerScript.always(AttemptScript.json(200, CannedBodies.success())));
        for (PathUnderTest path : paths) {
            ClientUnderTest client =
                    path.open(
                            new ClientSetup(
                                    base,
                                    ClientConfig.DEFAULTS,
                                    RecordingSleeper.capped(MAX_REAL_BACKOFF),
                                    1,
                                    ClientSetup.TEST_API_KEY));
            try {
                StartedCall.start(
                                client,
                                ChatRequest.of(
                                                RequestOverrides.DEFAULT_MODEL,
                                                List.of(ChatMessage.user("warm up")))
                                        .withRequestId("warm-up#0"),
                                "conformance-warm-up")
                        .await(System.nanoTime() + EVENT_BOUND.toNanos(), EVENT_BOUND);
            } finally {
                client.close();
            }
        }
        fake.reset();
    }

    private URI apply(Scenario scenario) {
        if (!scenario.run().isMix()) {
            return fake.apply(scenario.server());
        }
        Map<String, ServerScript> routes = new LinkedHashMap<>();
        catalog.mixMembers(scenario).forEach(m -> routes.put(m.id() + "#", m.server()));
        return fake.applyRouted(routes);
    }

    private static void runParallel(
            PathUnderTest path,
            ClientUnderTest client,
            List<PlannedCall> calls,
            boolean streamed,
            long deadline,
            Duration bound,
            List<StartedCall.Result> results) {
        List<StartedCall> started = new ArrayList<>();
        for (PlannedCall call : calls) {
            started.add(
                    StartedCall.start(client, call.request(), threadName(path, call), streamed));
        }
        for (StartedCall call : started) {
            results.add(call.await(deadline, bound));
        }
    }

    /** Awaits the action's trigger (bounded), waits {@code after}, then interrupts or cancels. */
    private void act(
            Action action, StartedCall call, RecordingSleeper sleeper, List<String> mismatches) {
        awaitTrigger(fake, action, sleeper, call::chunkCount, mismatches);
        if (action.kind() == Action.Kind.CANCEL) {
            call.cancel();
        } else {
            call.interrupt();
        }
    }

    /**
     * Awaits the action's trigger (bounded; a mismatch if it never comes), then waits its {@code
     * after}: the moment to act.
     *
     * @param chunksDelivered how many chunks the streamed call has delivered so far
     */
    static void awaitTrigger(
            FakeProvider fake,
            Action action,
            RecordingSleeper sleeper,
            IntSupplier chunksDelivered,
            List<String> mismatches) {
        boolean triggered;
        switch (action.from()) {
            case SERVER_RECEIVED:
                triggered =
                        Bounded.await(() -> fake.chatRequestCount() >= action.count(), EVENT_BOUND);
                break;
            case BODY_STALLED:
                triggered = Bounded.await(() -> fake.stalledBodyCount() >= 1, EVENT_BOUND);
                break;
            case BACKOFF_STARTED:
                triggered = Bounded.await(sleeper::entered, EVENT_BOUND);
                break;
            case FIRST_CHUNK:
                triggered = Bounded.await(() -> chunksDelivered.getAsInt() >= 1, EVENT_BOUND);
                break;
            case CALL_START:
            default:
                triggered = true;
        }
        if (!triggered) {
            mismatches.add(
                    "action: "
                            + action.from()
                            + " did not happen within "
                            + EVENT_BOUND.toMillis()
                            + " ms; "
                            + action.kind()
                            + " sent anyway");
        }
        Bounded.pause(action.after());
    }

    /** One call's mismatches against its expectation (any non-provider failure is one). */
    static List<String> check(
            Expectation expect,
            StartedCall.Result r,
            Outcome outcome,
            int serverRequests,
            int clientAborts) {
        if (r.failure() instanceof PluginException plugin) {
            return List.of(
                    "the plug-in itself threw (a defect of the plug-in, not an outcome of the"
                            + " client): "
                            + plugin.getMessage());
        }
        if (r.failure() instanceof BoundExceededException bound) {
            return List.of(bound.getMessage() + "; the call was interrupted or cancelled");
        }
        if (r.failure() != null && !(r.failure() instanceof ProviderException)) {
            List<String> out = new ArrayList<>();
            String wanted = expect.error() != null ? expect.error().className() : "a response";
            out.add(
                    "expected "
                            + wanted
                            + " but the call threw "
                            + outcome.error().className()
                            + ": "
                            + outcome.error().foreign());
            return out;
        }
        Observation seen =
                new Observation(
                        r.response(),
                        (ProviderException) r.failure(),
                        outcome.attempts(),
                        outcome.sleeps(),
                        serverRequests,
                        clientAborts,
                        r.chunks());
        return expect.callMismatches(seen);
    }

    private static String threadName(PathUnderTest path, PlannedCall call) {
        return "conformance-call-" + path.name() + "-" + call.index();
    }
}
