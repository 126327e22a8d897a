package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A partial {@link UnifiedChatResponse}: only non-null fields are checked. {@code content}, {@code
 * reasoning} and {@code finishReason} are the first choice's, as the response's own accessors.
 *
 * @param choiceCount the number of choices, or null (a non-null {@code choices} implies its size)
 * @param choices the choices in order, or null
 * @param rateLimit headers that {@code metadata.rateLimit} must contain with these values, never
 *     null
 */
public record ExpectedResponse(
        TextExpectation id,
        TextExpectation model,
        Long createdEpochSeconds,
        TextExpectation systemFingerprint,
        TextExpectation serviceTier,
        TextExpectation content,
        TextExpectation reasoning,
        TextExpectation finishReason,
        Integer choiceCount,
        List<ExpectedChoice> choices,
        ExpectedUsage usage,
        ExpectedTimeInfo timeInfo,
        TextExpectation providerRequestId,
        Map<String, String> rateLimit) {

    public ExpectedResponse {
        choices = choices == null ? null : List.copyOf(choices);
        if (choiceCount == null && choices != null) {
            choiceCount = choices.size();
        }
        rateLimit = rateLimit == null ? Map.of() : Map.copyOf(rateLimit);
    }

    /**
     * Returns every difference between this expectation and {@code actual}, empty when it matches.
     */
    public List<String> mismatches(UnifiedChatResponse actual) {
        List<String> out = new ArrayList<>();
        String at = "response";
        Describe.text(out, at + ".id", id, actual.id());
        Describe.text(out, at + ".model", model, actual.model());
        Describe.equal(
                out,
                at + ".createdEpochSeconds",
                createdEpochSeconds,
                actual.createdEpochSeconds());
        Describe.text(
                out, at + ".systemFingerprint", systemFingerprint, actual.systemFingerprint());
        Describe.text(out, at + ".serviceTier", serviceTier, actual.serviceTier());
        Describe.text(out, at + ".content", content, actual.content());
        Describe.text(out, at + ".reasoning", reasoning, actual.reasoning());
        Describe.text(out, at + ".finishReason", finishReason, actual.finishReason());
        Describe.equal(out, at + ".choices.size", choiceCount, actual.choices().size());
        if (choices != null && choices.size() == actual.choices().size()) {
            for (int i = 0; i < choices.size(); i++) {
                choices.get(i).mismatches(at + ".choices[" + i + "]", actual.choices().get(i), out);
            }
        }
        if (usage != null) {
            usage.mismatches(at + ".usage", actual.usage(), out);
        }
        if (timeInfo != null) {
            timeInfo.mismatches(at + ".metrics", actual.metrics(), out);
        }
        if (providerRequestId != null || !rateLimit.isEmpty()) {
            if (actual.metadata() == null) {
                out.add(at + ".metadata: expected metadata but was null");
                return out;
            }
            Describe.text(
                    out,
                    at + ".metadata.providerRequestId",
                    providerRequestId,
                    actual.metadata().providerRequestId());
            rateLimit.forEach(
                    (name, value) ->
                            Describe.equal(
                                    out,
                                    at + ".metadata.rateLimit." + name,
                                    value,
                                    actual.metadata().rateLimit().get(name)));
        }
        return out;
    }
}
