package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChoiceDelta;
import dev.dualpath.adapter.model.ServerTimeInfo;
import dev.dualpath.adapter.model.ToolCallDelta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The authority on one stream event's data: whether it is a chunk or an error object, and, when it
 * is neither, what is malformed about it. Slower than {@link ChunkFastReader}, which hands it every
 * event it is not sure about. Strictness as {@link ResponseProcessor}'s: unknown fields ignored,
 * absent and null alike, wrong JSON types rejected; an absent {@code choices} reads as none.
 */
final class ChunkTreeReader {

    /** The status an error event without a usable {@code status_code} is given. */
    static final int DEFAULT_ERROR_STATUS = 500;

    private ChunkTreeReader() {}

    /**
     * Parses one event's data.
     *
     * @return the event's JSON object
     * @throws Fields.ShapeException saying why the data is not a JSON object (never quoting it)
     */
    static JsonNode parse(byte[] data) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new Fields.ShapeException("data", describe(data, e));
        } catch (IOException e) {
            throw new Fields.ShapeException("data", "unreadable (" + data.length + " bytes)");
        }
        if (root == null || root.isMissingNode()) {
            throw new Fields.ShapeException("data", "empty");
        }
        if (!root.isObject()) {
            throw new Fields.ShapeException("data", Fields.kind(root) + ", expected a JSON object");
        }
        return root;
    }

    private static String describe(byte[] data, JsonProcessingException e) {
        int first = 0;
        while (first < data.length && Character.isWhitespace(data[first])) {
            first++;
        }
        boolean jsonLike =
                first < data.length
                        && (data[first] == '{' || data[first] == '[' || data[first] == '"');
        return jsonLike
                ? JsonFailure.describe(data, e)
                : "not JSON (" + data.length + (data.length == 1 ? " byte)" : " bytes)");
    }

    /** Whether the event reports an error rather than a chunk, by the non-streaming rule. */
    static boolean isError(JsonNode root) {
        return ErrorBodyParser.looksLikeError(root);
    }

    /**
     * The status an error event stands for: its {@code status_code} when that is an integer from
     * 400 to 599, else {@value #DEFAULT_ERROR_STATUS} (the provider failed without saying how).
     */
    static int errorStatus(JsonNode root) {
        JsonNode s = root.get("status_code");
        if (s != null && s.isIntegralNumber() && s.canConvertToInt()) {
            int status = s.intValue();
            if (status >= 400 && status <= 599) {
                return status;
            }
        }
        return DEFAULT_ERROR_STATUS;
    }

    /**
     * Reads a chunk out of an event that is not an error.
     *
     * @return the chunk with its deltas as sent
     * @throws Fields.ShapeException naming the path of a field of the wrong type
     */
    static ChatChunk chunk(JsonNode root) {
        JsonNode array = Fields.array(root, "choices", "choices");
        List<ChoiceDelta> choices = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                choices.add(choice(array.get(i), i));
            }
        }
        return new ChatChunk(
                Fields.text(root, "id", "id"),
                Fields.text(root, "model", "model"),
                BodyReader.created(root),
                Fields.text(root, "system_fingerprint", "system_fingerprint"),
                Fields.text(root, "service_tier", "service_tier"),
                choices,
                BodyReader.usage(root),
                timeInfo(Fields.present(root, "time_info") == null ? null : TimeInfo.read(root)));
    }

    /** The model's view of {@code time_info}; null when the chunk has none. */
    static @Nullable ServerTimeInfo timeInfo(@Nullable TimeInfo t) {
        return t == null
                ? null
                : new ServerTimeInfo(
                        t.queueSeconds(),
                        t.promptSeconds(),
                        t.completionSeconds(),
                        t.totalSeconds());
    }

    private static ChoiceDelta choice(JsonNode node, int position) {
        String path = "choices[" + position + "]";
        if (!node.isObject()) {
            throw Fields.wrongType(path, "an object", node);
        }
        int index =
                BodyReader.intIndex(Fields.integer(node, "index", path + ".index"), position, path);
        String finish = Fields.text(node, "finish_reason", path + ".finish_reason");
        JsonNode delta = Fields.object(node, "delta", path + ".delta");
        if (delta == null) {
            return new ChoiceDelta(index, null, null, null, List.of(), finish);
        }
        String d = path + ".delta";
        return new ChoiceDelta(
                index,
                Fields.text(delta, "role", d + ".role"),
                Fields.text(delta, "content", d + ".content"),
                Fields.text(delta, "reasoning", d + ".reasoning"),
                toolCalls(delta, d),
                finish);
    }

    private static List<ToolCallDelta> toolCalls(JsonNode delta, String d) {
        JsonNode array = Fields.array(delta, "tool_calls", d + ".tool_calls");
        if (array == null) {
            return List.of();
        }
        List<ToolCallDelta> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = d + ".tool_calls[" + i + "]";
            JsonNode call = array.get(i);
            if (!call.isObject()) {
                throw Fields.wrongType(path, "an object", call);
            }
            int index =
                    BodyReader.intIndex(Fields.integer(call, "index", path + ".index"), i, path);
            JsonNode function = Fields.object(call, "function", path + ".function");
            out.add(
                    new ToolCallDelta(
                            index,
                            Fields.text(call, "id", path + ".id"),
                            Fields.text(call, "type", path + ".type"),
                            function == null
                                    ? null
                                    : Fields.text(function, "name", path + ".function.name"),
                            function == null
                                    ? null
                                    : Fields.text(
                                            function, "arguments", path + ".function.arguments")));
        }
        return out;
    }
}
