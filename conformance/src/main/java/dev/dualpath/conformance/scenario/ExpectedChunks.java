package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.conformance.fake.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a streamed call must have delivered, chunk by chunk, before it completed or failed; null
 * fields are not checked. (That every path delivered the same chunks, field for field, is checked
 * apart, by comparing the paths.)
 *
 * @param count how many chunks, or null
 * @param content each chunk's first-choice content delta, in order (null for a chunk without one),
 *     or null
 * @param reasoning each chunk's first-choice reasoning delta, in order, or null
 */
public record ExpectedChunks(Integer count, List<String> content, List<String> reasoning) {

    /**
     * @throws InvalidFieldException naming the field, if the lists disagree with the count
     */
    public ExpectedChunks {
        if (count != null && count < 0) {
            throw new InvalidFieldException("count", "must be >= 0, was " + count);
        }
        content =
                content == null
                        ? null
                        : java.util.Collections.unmodifiableList(new ArrayList<>(content));
        reasoning =
                reasoning == null
                        ? null
                        : java.util.Collections.unmodifiableList(new ArrayList<>(reasoning));
        if (count != null && content != null && content.size() != count) {
            throw new InvalidFieldException(
                    "content", "has " + content.size() + " entries for " + count + " chunks");
        }
        if (count != null && reasoning != null && reasoning.size() != count) {
            throw new InvalidFieldException(
                    "reasoning", "has " + reasoning.size() + " entries for " + count + " chunks");
        }
    }

    /** Every difference from {@code seen}, as {@code chunks.<field>: …}; empty when it matches. */
    List<String> mismatches(List<ChatChunk> seen) {
        List<String> out = new ArrayList<>();
        Describe.equal(out, "chunks.count", count, seen.size());
        Describe.equal(
                out, "chunks.content", content, seen.stream().map(ChatChunk::content).toList());
        Describe.equal(
                out,
                "chunks.reasoning",
                reasoning,
                seen.stream().map(ChatChunk::reasoning).toList());
        return out;
    }
}
