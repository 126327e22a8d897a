package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.Choice;
import java.util.List;

/**
 * Expected {@link Choice}; null fields are not checked.
 *
 * @param toolCalls the tool calls in order (the count must match), or null for unchecked
 */
public record ExpectedChoice(
        Integer index,
        TextExpectation finishReason,
        TextExpectation role,
        TextExpectation content,
        TextExpectation reasoning,
        List<ExpectedToolCall> toolCalls) {

    public ExpectedChoice {
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
    }

    void mismatches(String at, Choice actual, List<String> out) {
        Describe.equal(out, at + ".index", index, actual.index());
        Describe.text(out, at + ".finishReason", finishReason, actual.finishReason());
        Describe.text(out, at + ".role", role, actual.role());
        Describe.text(out, at + ".content", content, actual.content());
        Describe.text(out, at + ".reasoning", reasoning, actual.reasoning());
        if (toolCalls == null) {
            return;
        }
        if (toolCalls.size() != actual.toolCalls().size()) {
            out.add(
                    at
                            + ".toolCalls: expected "
                            + toolCalls.size()
                            + " but was "
                            + actual.toolCalls().size());
            return;
        }
        for (int i = 0; i < toolCalls.size(); i++) {
            toolCalls
                    .get(i)
                    .mismatches(at + ".toolCalls[" + i + "]", actual.toolCalls().get(i), out);
        }
    }
}
