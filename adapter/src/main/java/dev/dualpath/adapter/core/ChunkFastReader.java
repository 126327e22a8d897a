package dev.dualpath.adapter.core;

import static dev.dualpath.adapter.core.StreamValues.GIVE_UP;
import static dev.dualpath.adapter.core.StreamValues.array;
import static dev.dualpath.adapter.core.StreamValues.expect;
import static dev.dualpath.adapter.core.StreamValues.function;
import static dev.dualpath.adapter.core.StreamValues.integer;
import static dev.dualpath.adapter.core.StreamValues.nonNegative;
import static dev.dualpath.adapter.core.StreamValues.skip;
import static dev.dualpath.adapter.core.StreamValues.text;
import static dev.dualpath.adapter.core.StreamValues.textLike;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dualpath.adapter.core.StreamValues.ToolFunction;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChoiceDelta;
import dev.dualpath.adapter.model.ToolCallDelta;
import dev.dualpath.adapter.model.Usage;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fast path for a stream's event data: a token stream, no tree, as {@link SuccessBodyStream} is
 * for a whole body. It reads only chunks it is sure about and gives up (returns null) on anything
 * else — an error object, a syntax error, a wrong type — leaving {@link ChunkTreeReader} the one
 * authority on errors and on what is malformed. What it returns equals what the tree reader would.
 *
 * <p>One reader serves one stream, and reads all its events with one {@link DocumentParser}, each
 * event's data fed to it as the next document. Creating a parser per event (its bootstrapper,
 * context, symbol table and buffers) cost about 640 bytes, half of what an event allocated. After a
 * give-up the parser's state is unknown, so the next event gets a new one.
 *
 * <p>Strings that repeat from the previous chunk (id, model, fingerprint, service tier) are
 * returned as the previous chunk's instances, so a long stream does not allocate them per event.
 *
 * <p>Not thread-safe: its stream's delivery serialises calls.
 */
final class ChunkFastReader implements AutoCloseable {

    private @Nullable DocumentParser parser;

    /**
     * Reads one event's data, if it is a plain chunk.
     *
     * @param data the event's data; only read during this call
     * @param length how many bytes of {@code data} are the event's
     * @param previous the stream's previous chunk, for its repeated strings; may be null
     * @return the chunk with its deltas as sent, or null when the tree reader must decide
     */
    @Nullable ChatChunk read(byte[] data, int length, @Nullable ChatChunk previous) {
        try {
            DocumentParser d = parser();
            JsonParser p = d.feed(data, length);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw GIVE_UP;
            }
            ChatChunk chunk = root(p, previous);
            if (!d.endedWhole(data, length)) {
                throw GIVE_UP;
            }
            if (!d.reusable()) {
                close();
            }
            return chunk;
        } catch (Exception e) {
            // Syntax, limits, a wrong type: all left to the tree reader, which says what is wrong.
            close();
            return null;
        }
    }

    /** Returns the parser's buffers; a later {@link #read} starts a new parser. */
    @Override
    public void close() {
        DocumentParser p = parser;
        parser = null;
        if (p != null) {
            p.close();
        }
    }

    private DocumentParser parser() throws IOException {
        DocumentParser p = parser;
        if (p == null) {
            p = new DocumentParser();
            parser = p;
        }
        return p;
    }

    private static ChatChunk root(JsonParser p, @Nullable ChatChunk prev) throws IOException {
        String id = null;
        String model = null;
        String fingerprint = null;
        String tier = null;
        long created = 0;
        List<ChoiceDelta> choices = List.of();
        Usage usage = null;
        TimeInfo time = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> id = textLike(p, t, prev == null ? null : prev.id());
                case "model" -> model = textLike(p, t, prev == null ? null : prev.model());
                case "system_fingerprint" ->
                        fingerprint =
                                textLike(p, t, prev == null ? null : prev.systemFingerprint());
                case "service_tier" ->
                        tier = textLike(p, t, prev == null ? null : prev.serviceTier());
                case "created" -> created = SuccessBodyStream.created(p, t);
                case "choices" ->
                        choices =
                                t == JsonToken.VALUE_NULL
                                        ? List.of()
                                        : array(p, t, ChunkFastReader::choice);
                case "usage" ->
                        usage = t == JsonToken.VALUE_NULL ? null : SuccessBodyStream.usage(p, t);
                case "time_info" ->
                        time = t == JsonToken.VALUE_NULL ? null : SuccessBodyStream.time(p, t);
                case "object" -> {
                    // vLLM's error objects say "object": "error".
                    if ("error".equals(text(p, t))) {
                        throw GIVE_UP;
                    }
                }
                case "error", "detail", "message" -> {
                    // Maybe an error event: the tree reader decides.
                    if (t != JsonToken.VALUE_NULL) {
                        throw GIVE_UP;
                    }
                }
                default -> skip(p, t);
            }
        }
        return new ChatChunk(
                id,
                model,
                created,
                fingerprint,
                tier,
                choices,
                usage,
                ChunkTreeReader.timeInfo(time));
    }

    private static ChoiceDelta choice(JsonParser p, JsonToken t, int position) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        long index = -1;
        String finish = null;
        String role = null;
        String content = null;
        String reasoning = null;
        List<ToolCallDelta> tools = List.of();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "index" -> index = v == JsonToken.VALUE_NULL ? -1 : nonNegative(integer(p, v));
                case "finish_reason" -> finish = text(p, v);
                case "delta" -> {
                    // Each occurrence replaces the last one whole, null included.
                    role = null;
                    content = null;
                    reasoning = null;
                    tools = List.of();
                    if (v != JsonToken.VALUE_NULL) {
                        expect(v, JsonToken.START_OBJECT);
                        for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
                            JsonToken w = p.nextToken();
                            switch (f) {
                                case "role" -> role = text(p, w);
                                case "content" -> content = text(p, w);
                                case "reasoning" -> reasoning = text(p, w);
                                case "tool_calls" ->
                                        tools =
                                                w == JsonToken.VALUE_NULL
                                                        ? List.of()
                                                        : array(p, w, ChunkFastReader::toolCall);
                                default -> skip(p, w);
                            }
                        }
                    }
                }
                default -> skip(p, v);
            }
        }
        int i = index < 0 ? position : (int) index;
        return new ChoiceDelta(i, role, content, reasoning, tools, finish);
    }

    private static ToolCallDelta toolCall(JsonParser p, JsonToken t, int position)
            throws IOException {
        expect(t, JsonToken.START_OBJECT);
        long index = -1;
        String id = null;
        String type = null;
        String name = null;
        String arguments = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "index" -> index = v == JsonToken.VALUE_NULL ? -1 : nonNegative(integer(p, v));
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
        return new ToolCallDelta(index < 0 ? position : (int) index, id, type, name, arguments);
    }
}
