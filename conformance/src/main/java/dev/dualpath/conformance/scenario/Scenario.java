package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.conformance.fake.Backend;
import dev.dualpath.conformance.fake.InvalidFieldException;
import dev.dualpath.conformance.fake.ServerScript;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One conformance case: a server behaviour, a client configuration, an optional action on the call
 * in flight, and the outcome every path must produce. Loaded from {@code
 * scenarios/<group>/<id>.json}; see that folder's README for the file format.
 *
 * @param id unique in the catalogue, equal to the file name without {@code .json}
 * @param description one sentence saying what is tested and why, never blank
 * @param group the folder, e.g. {@code errors}
 * @param server the server script; null only for a mix ({@code run.mix}), which plays its members'
 *     scripts
 * @param client timeouts, retries, clock
 * @param action cancel or interrupt the call in flight, or null
 * @param request changes to the default request
 * @param run how many calls and how
 * @param batch send the run's calls as one batch, or null
 * @param expect the expected outcome
 * @param capabilities what the scenario needs beyond a plain call
 */
public record Scenario(
        String id,
        String description,
        String group,
        ServerScript server,
        ClientConfig client,
        Action action,
        RequestOverrides request,
        RunPlan run,
        BatchPlan batch,
        Expectation expect,
        Set<Capability> capabilities) {

    /**
     * @throws InvalidFieldException naming the field, when the parts contradict each other
     */
    public Scenario {
        requireName(id, "id");
        requireName(group, "group");
        if (description == null || description.isBlank()) {
            throw new InvalidFieldException("description", "must not be blank");
        }
        client = Objects.requireNonNullElse(client, ClientConfig.DEFAULTS);
        request = Objects.requireNonNullElse(request, RequestOverrides.NONE);
        run = Objects.requireNonNullElse(run, RunPlan.SINGLE);
        capabilities =
                capabilities == null || capabilities.isEmpty()
                        ? Set.of()
                        : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
        if (expect == null) {
            throw new InvalidFieldException("expect", "is required");
        }
        if (run.isMix()) {
            if (server != null) {
                throw new InvalidFieldException(
                        "server", "must be absent in a mix: each call plays its member's script");
            }
            if (expect.hasOutcome()) {
                throw new InvalidFieldException(
                        "expect",
                        "of a mix may only hold serverRequests and batch: each call is checked "
                                + "against its member's expectation");
            }
        } else {
            if (server == null) {
                throw new InvalidFieldException("server", "is required");
            }
            if (!expect.hasOutcome()) {
                throw new InvalidFieldException("expect", "must hold a response or an error");
            }
        }
        if (action != null && run.calls() > 1 && batch == null) {
            throw new InvalidFieldException(
                    "action", "needs a single call (run.calls = 1) or a batch");
        }
        checkBatch(batch, run, expect, server);
        if (expect.batch() != null && batch == null) {
            throw new InvalidFieldException("expect.batch", "needs a batch section");
        }
        requireImpliedCapabilities(server, client, action, run, batch, capabilities);
        require(capabilities, request.stream(), Capability.STREAMING, "request.stream is true");
        if (server != null
                && !request.stream()
                && server.attempts().stream().anyMatch(a -> a.sse() != null)) {
            throw new InvalidFieldException(
                    "request.stream", "must be true: the server streams its answer");
        }
        if (expect.chunks() != null && !request.stream()) {
            throw new InvalidFieldException("expect.chunks", "needs request.stream true");
        }
        if (action != null && action.from() == Action.Trigger.FIRST_CHUNK && !request.stream()) {
            throw new InvalidFieldException("action.from", "FIRST_CHUNK needs request.stream true");
        }
    }

    /** Whether the call is streamed: each path makes it through its streaming face. */
    public boolean streamed() {
        return request.stream();
    }

    /** The request to send (the runner sets its request id). */
    public ChatRequest chatRequest() {
        return request.toChatRequest();
    }

    /** Whether the scenario needs {@code capability}. */
    public boolean requires(Capability capability) {
        return capabilities.contains(capability);
    }

    /** {@code group/id}, as in the file path. */
    public String path() {
        return group + "/" + id;
    }

    private static void checkBatch(
            BatchPlan batch, RunPlan run, Expectation expect, ServerScript server) {
        if (batch == null) {
            return;
        }
        if (run.parallel() || run.awaitServerClose()) {
            throw new InvalidFieldException(
                    "run", "of a batch is its calls (and mix) only: the batch decides concurrency");
        }
        if (server != null && server.backend() != Backend.WIREMOCK) {
            throw new InvalidFieldException(
                    "server",
                    "of a batch must be played by WireMock (each item has its own route)");
        }
        int named = expect.batch() == null ? -1 : expect.batch().items();
        if (named >= 0 && named != run.calls()) {
            throw new InvalidFieldException(
                    "expect.batch",
                    "names " + named + " items but the batch has " + run.calls() + " calls");
        }
    }

    private static void requireImpliedCapabilities(
            ServerScript server,
            ClientConfig client,
            Action action,
            RunPlan run,
            BatchPlan batch,
            Set<Capability> declared) {
        require(declared, client.maxRetries() > 0, Capability.RETRIES, "client.maxRetries > 0");
        require(declared, client.clock() != null, Capability.FIXED_CLOCK, "client.clock is set");
        require(
                declared,
                action != null && action.kind() == Action.Kind.CANCEL,
                Capability.CANCEL,
                "action.kind is CANCEL");
        require(
                declared,
                action != null && action.kind() == Action.Kind.INTERRUPT,
                Capability.INTERRUPT,
                "action.kind is INTERRUPT");
        require(
                declared,
                server != null && server.backend() == Backend.RAW_SOCKET,
                Capability.RAW_SOCKET,
                "the script is played by the raw socket");
        require(
                declared,
                run.calls() > 1 && !run.parallel() && batch == null,
                Capability.KEEP_ALIVE,
                "run makes sequential calls");
        require(declared, run.parallel(), Capability.CONCURRENCY, "run.parallel is true");
        require(declared, batch != null, Capability.BATCH, "the scenario has a batch");
        long largest =
                server == null
                        ? 0
                        : server.attempts().stream()
                                .mapToLong(a -> a.body().length)
                                .max()
                                .orElse(0);
        require(declared, largest >= 1 << 20, Capability.LARGE_BODY, "a body is at least 1 MiB");
    }

    private static void require(
            Set<Capability> declared, boolean implied, Capability capability, String because) {
        if (implied && !declared.contains(capability)) {
            throw new InvalidFieldException(
                    "capabilities",
                    "must include '" + capability.wireName() + "' because " + because);
        }
    }

    private static void requireName(String value, String field) {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]*")) {
            throw new InvalidFieldException(
                    field, "must be lower-case letters, digits and '-', was " + value);
        }
    }
}
