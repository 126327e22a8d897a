package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.ToolCall;
import java.util.List;

/** Expected {@link ToolCall}; null fields are not checked. */
public record ExpectedToolCall(
        TextExpectation id,
        TextExpectation type,
        TextExpectation functionName,
        TextExpectation argumentsJson) {

    void mismatches(String at, ToolCall actual, List<String> out) {
        Describe.text(out, at + ".id", id, actual.id());
        Describe.text(out, at + ".type", type, actual.type());
        Describe.text(out, at + ".functionName", functionName, actual.functionName());
        Describe.text(out, at + ".argumentsJson", argumentsJson, actual.argumentsJson());
    }
}
