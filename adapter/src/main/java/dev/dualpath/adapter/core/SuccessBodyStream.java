package dev.dualpath.adapter.core;

import static dev.dualpath.adapter.core.StreamValues.GIVE_UP;
import static dev.dualpath.adapter.core.StreamValues.array;
import static dev.dualpath.adapter.core.StreamValues.expect;
import static dev.dualpath.adapter.core.StreamValues.function;
import static dev.dualpath.adapter.core.StreamValues.integer;
import static dev.dualpath.adapter.core.StreamValues.nonNegative;
import static dev.dualpath.adapter.core.StreamValues.number;
import static dev.dualpath.adapter.core.StreamValues.skip;
import static dev.dualpath.adapter.core.StreamValues.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dualpath.adapter.core.StreamValues.ToolFunction;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ToolCall;
import dev.dualpath.adapter.model.Usage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The fast path for a success body: one pass of a token stream, no tree. It reads only bodies it is
 * sure about and gives up (returns null) on anything else — a syntax error, a wrong type, an {@code
 * error} field, no {@code choices}, trailing tokens, a huge body — so that the tree reader in
 * {@link ResponseProcessor} stays the one authority on what is malformed and how the message reads.
 * What it does return equals what the tree reader would: the same rules as {@link BodyReader} and
 * {@link Fields}, a repeated field's last value winning as in a tree, and every skipped string
 * still decoded (so invalid UTF-8 in an unknown field fails here exactly as it fails there).
 */
final class SuccessBodyStream {

    /**
     * A string of n chars needs at least n bytes; from this size on, a string could exceed the
     * parser's length limit, which only a materialised string (the tree's) is checked against.
     */
    private static final long MAX_BODY_BYTES =
            Json.MAPPER.getFactory().streamReadConstraints().getMaxStringLength();

    /**
     * A parser left by the last clean read, taken by the next: calls one after another on any
     * threads reuse one parser, and calls at the same time make their own, as every call did
     * before. A parser is put back only after a body that read cleanly to its end.
     */
    private static final AtomicReference<@Nullable DocumentParser> SPARE = new AtomicReference<>();

    private SuccessBodyStream() {}

    /** Returns the body, or null when the tree reader must decide. */
    static @Nullable SuccessBody read(byte[] body) {
        if (body.length >= MAX_BODY_BYTES) {
            return null;
        }
        DocumentParser d = SPARE.getAndSet(null);
        try {
            if (d == null) {
                d = new DocumentParser();
            }
            JsonParser p = d.feed(body, body.length);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw GIVE_UP;
            }
            SuccessBody result = root(p);
            // FAIL_ON_TRAILING_TOKENS: the tree reader rejects anything after the object.
            if (!d.endedWhole(body, body.length)) {
                throw GIVE_UP;
            }
            if (d.reusable()) {
                SPARE.set(d);
            } else {
                d.close();
            }
            return result;
        } catch (Exception e) {
            // Syntax, limits, a wrong type: all left to the tree reader, which says what is wrong.
            if (d != null) {
                d.close();
            }
            return null;
        }
    }

    private static SuccessBody root(JsonParser p) throws IOException {
        String id = null;
        String model = null;
        String fingerprint = null;
        String tier = null;
        long created = 0;
        List<Choice> choices = null;
        Usage usage = null;
        TimeInfo time = TimeInfo.NONE;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> id = text(p, t);
                case "model" -> model = text(p, t);
                case "system_fingerprint" -> fingerprint = text(p, t);
                case "service_tier" -> tier = text(p, t);
                case "created" -> created = created(p, t);
                case "choices" ->
                        choices =
                                t == JsonToken.VALUE_NULL
                                        ? null
                                        : array(p, t, SuccessBodyStream::choice);
                case "usage" -> usage = t == JsonToken.VALUE_NULL ? null : usage(p, t);
                case "time_info" -> time = t == JsonToken.VALUE_NULL ? TimeInfo.NONE : time(p, t);
                case "error" -> {
                    // A non-null error may mean an error object on a 2xx: the tree reader
                    // decides whether it is one.
                    if (t != JsonToken.VALUE_NULL) {
                        throw GIVE_UP;
                    }
                }
                default -> skip(p, t);
            }
        }
        if (choices == null) {
            throw GIVE_UP;
        }
        return new SuccessBody(id, model, created, fingerprint, tier, choices, usage, time);
    }

    private static Choice choice(JsonParser p, JsonToken t, int position) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        long index = -1;
        String finish = null;
        Message message = Message.NONE;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "index" -> index = v == JsonToken.VALUE_NULL ? -1 : nonNegative(integer(p, v));
                case "finish_reason" -> finish = text(p, v);
                case "message" ->
                        message = v == JsonToken.VALUE_NULL ? Message.NONE : message(p, v);
                default -> skip(p, v);
            }
        }
        // An absent index is the choice's position, as BodyReader.intIndex says.
        int i = index < 0 ? position : (int) index;
        ReasoningExtractor.Split split =
                ReasoningExtractor.split(message.content, message.reasoning);
        return new Choice(
                i, finish, message.role, split.content(), split.reasoning(), message.toolCalls);
    }

    /** A choice's {@code message}, as read; absent and null read the same. */
    private record Message(
            @Nullable String role,
            @Nullable String content,
            @Nullable String reasoning,
            List<ToolCall> toolCalls) {
        static final Message NONE = new Message(null, null, null, List.of());
    }

    private static Message message(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        String role = null;
        String content = null;
        String reasoning = null;
        List<ToolCall> toolCalls = List.of();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "role" -> role = text(p, v);
                case "content" -> content = text(p, v);
                case "reasoning" -> reasoning = text(p, v);
                case "tool_calls" ->
                        toolCalls =
                                v == JsonToken.VALUE_NULL
                                        ? List.of()
                                        : array(p, v, (q, e, position) -> toolCall(q, e));
                default -> skip(p, v);
            }
        }
        return new Message(role, content, reasoning, toolCalls);
    }

    private static ToolCall toolCall(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        String id = null;
        String type = null;
        String name = null;
        String arguments = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> id = text(p, v);
                case "type" -> type = text(p, v);
                case "function" -> {
                    ToolFunction f = function(p, v);
                    name = f.name();
                    arguments = f.arguments();
                }
                default -> skip(p, v);
            }
        }
        return new ToolCall(id, type, name, arguments);
    }

    static Usage usage(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        long prompt = 0;
        long completion = 0;
        long total = 0;
        Long cached = null;
        Long reasoning = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = v == JsonToken.VALUE_NULL ? 0 : integer(p, v);
                case "completion_tokens" ->
                        completion = v == JsonToken.VALUE_NULL ? 0 : integer(p, v);
                case "total_tokens" -> total = v == JsonToken.VALUE_NULL ? 0 : integer(p, v);
                case "prompt_tokens_details" -> cached = detail(p, v, "cached_tokens");
                case "completion_tokens_details" -> reasoning = detail(p, v, "reasoning_tokens");
                default -> skip(p, v);
            }
        }
        return new Usage(prompt, completion, total, cached, reasoning);
    }

    /** One integer out of a details object; null when the object or the field is absent or null. */
    private static @Nullable Long detail(JsonParser p, JsonToken t, String field)
            throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.START_OBJECT);
        Long value = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            if (name.equals(field)) {
                value = v == JsonToken.VALUE_NULL ? null : integer(p, v);
            } else {
                skip(p, v);
            }
        }
        return value;
    }

    static TimeInfo time(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Double queue = null;
        Double prompt = null;
        Double completion = null;
        Double total = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "queue_time" -> queue = number(p, v);
                case "prompt_time" -> prompt = number(p, v);
                case "completion_time" -> completion = number(p, v);
                case "total_time" -> total = number(p, v);
                default -> skip(p, v);
            }
        }
        return new TimeInfo(queue, prompt, completion, total);
    }

    /** As {@link BodyReader#created}: an integer as is, a float truncated, null as 0. */
    static long created(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return 0L;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return integer(p, t);
        }
        expect(t, JsonToken.VALUE_NUMBER_FLOAT);
        double d = p.getDoubleValue();
        if (!Double.isFinite(d) || Math.abs(d) >= 9.0e18) {
            throw GIVE_UP;
        }
        return (long) d;
    }
}
