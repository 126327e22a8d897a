package dev.dualpath.adapter.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ToolCall;
import dev.dualpath.adapter.model.Usage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the parts of a success body into model records, strictly typed as {@link Fields} says.
 * Unknown fields are ignored at every level.
 */
final class BodyReader {

    private BodyReader() {}

    /**
     * @throws Fields.ShapeException if {@code choices} is absent, or anything in it has the wrong
     *     type
     */
    static List<Choice> choices(JsonNode root) {
        JsonNode array = Fields.array(root, "choices", "choices");
        if (array == null) {
            throw new Fields.ShapeException("choices", "missing");
        }
        List<Choice> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(choice(array.get(i), i));
        }
        return out;
    }

    private static Choice choice(JsonNode node, int position) {
        String path = "choices[" + position + "]";
        if (!node.isObject()) {
            throw Fields.wrongType(path, "an object", node);
        }
        Long index = Fields.integer(node, "index", path + ".index");
        String finish = Fields.text(node, "finish_reason", path + ".finish_reason");
        JsonNode message = Fields.object(node, "message", path + ".message");
        if (message == null) {
            return new Choice(intIndex(index, position, path), finish, null, null, null, List.of());
        }
        String m = path + ".message";
        ReasoningExtractor.Split split =
                ReasoningExtractor.split(
                        Fields.text(message, "content", m + ".content"),
                        Fields.text(message, "reasoning", m + ".reasoning"));
        return new Choice(
                intIndex(index, position, path),
                finish,
                Fields.text(message, "role", m + ".role"),
                split.content(),
                split.reasoning(),
                toolCalls(message, m));
    }

    /** An absent index is the choice's position in the array. */
    static int intIndex(@Nullable Long index, int position, String path) {
        if (index == null) {
            return position;
        }
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw new Fields.ShapeException(path + ".index", "out of range");
        }
        return index.intValue();
    }

    private static List<ToolCall> toolCalls(JsonNode message, String m) {
        JsonNode array = Fields.array(message, "tool_calls", m + ".tool_calls");
        if (array == null) {
            return List.of();
        }
        List<ToolCall> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = m + ".tool_calls[" + i + "]";
            JsonNode call = array.get(i);
            if (!call.isObject()) {
                throw Fields.wrongType(path, "an object", call);
            }
            JsonNode function = Fields.object(call, "function", path + ".function");
            String name =
                    function == null
                            ? null
                            : Fields.text(function, "name", path + ".function.name");
            String args =
                    function == null
                            ? null
                            : Fields.text(function, "arguments", path + ".function.arguments");
            out.add(
                    new ToolCall(
                            Fields.text(call, "id", path + ".id"),
                            Fields.text(call, "type", path + ".type"),
                            name,
                            args));
        }
        return out;
    }

    /**
     * Returns null when {@code usage} is absent; a count that is absent inside it reads as 0, the
     * two details as null.
     */
    static @Nullable Usage usage(JsonNode root) {
        JsonNode u = Fields.object(root, "usage", "usage");
        if (u == null) {
            return null;
        }
        JsonNode prompt = Fields.object(u, "prompt_tokens_details", "usage.prompt_tokens_details");
        JsonNode completion =
                Fields.object(u, "completion_tokens_details", "usage.completion_tokens_details");
        return new Usage(
                orZero(Fields.integer(u, "prompt_tokens", "usage.prompt_tokens")),
                orZero(Fields.integer(u, "completion_tokens", "usage.completion_tokens")),
                orZero(Fields.integer(u, "total_tokens", "usage.total_tokens")),
                prompt == null
                        ? null
                        : Fields.integer(
                                prompt,
                                "cached_tokens",
                                "usage.prompt_tokens_details.cached_tokens"),
                completion == null
                        ? null
                        : Fields.integer(
                                completion,
                                "reasoning_tokens",
                                "usage.completion_tokens_details.reasoning_tokens"));
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0L : value;
    }

    /**
     * {@code created} in whole epoch seconds: an integer as is, a float truncated; 0 when absent.
     */
    static long created(JsonNode root) {
        JsonNode v = Fields.present(root, "created");
        if (v == null) {
            return 0L;
        }
        if (!v.isNumber()) {
            throw Fields.wrongType("created", "a number", v);
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new Fields.ShapeException("created", "integer out of range");
            }
            return v.longValue();
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || Math.abs(d) >= 9.0e18) {
            throw new Fields.ShapeException("created", "number out of range");
        }
        return (long) d;
    }
}
