package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.conformance.scenario.Expectation;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of a scenario's run: the request with its correlation id, and the expectation it is
 * checked against (its own scenario's, or a mix member's).
 *
 * @param index the call's index in the run, from 0
 * @param request the request, with id {@code <scenario id>#<index>} (a mix: {@code <member
 *     id>#<index>})
 * @param expectation what this call must produce
 */
record PlannedCall(int index, ChatRequest request, Expectation expectation) {

    /**
     * The calls of {@code scenario}'s run, in order; a mix's call {@code i} plays member {@code i %
     * size}.
     */
    static List<PlannedCall> of(Scenario scenario, ScenarioCatalog catalog) {
        List<Scenario> members =
                scenario.run().isMix() ? catalog.mixMembers(scenario) : List.of(scenario);
        List<PlannedCall> calls = new ArrayList<>();
        for (int i = 0; i < scenario.run().calls(); i++) {
            Scenario played = members.get(i % members.size());
            calls.add(
                    new PlannedCall(
                            i,
                            played.chatRequest().withRequestId(played.id() + "#" + i),
                            played.expect()));
        }
        return calls;
    }
}
