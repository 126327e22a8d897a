package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.Usage;
import java.util.List;

/**
 * Expected {@link Usage}; null fields are not checked.
 *
 * @param present false to require that the response has no usage at all (then the other fields must
 *     be null)
 * @param promptTokens or null
 * @param completionTokens or null
 * @param totalTokens or null
 * @param cachedTokens checked against a possibly-null value, or null for unchecked
 * @param reasoningTokens checked against a possibly-null value, or null for unchecked
 */
public record ExpectedUsage(
        boolean present,
        Long promptTokens,
        Long completionTokens,
        Long totalTokens,
        Check<Long> cachedTokens,
        Check<Long> reasoningTokens) {

    /** Usage must be absent. */
    public static final ExpectedUsage ABSENT =
            new ExpectedUsage(false, null, null, null, null, null);

    void mismatches(String at, Usage actual, List<String> out) {
        if (!present) {
            if (actual != null) {
                out.add(at + ": expected no usage but was " + actual);
            }
            return;
        }
        if (actual == null) {
            out.add(at + ": expected usage but there was none");
            return;
        }
        Describe.equal(out, at + ".promptTokens", promptTokens, actual.promptTokens());
        Describe.equal(out, at + ".completionTokens", completionTokens, actual.completionTokens());
        Describe.equal(out, at + ".totalTokens", totalTokens, actual.totalTokens());
        Describe.check(out, at + ".cachedTokens", cachedTokens, actual.cachedTokens());
        Describe.check(out, at + ".reasoningTokens", reasoningTokens, actual.reasoningTokens());
    }
}
