package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Writes a request body straight to a {@link JsonGenerator}, with no intermediate tree: the body is
 * on every call's path, and building an {@code ObjectNode} first cost more than the writing.
 *
 * <p>The bytes are those the tree would give: the same fields in the same order, each written with
 * the generator call its node would make, and {@code extraBody} values still converted with {@code
 * valueToTree} (so numbers, maps and failures behave exactly as before) and written as trees.
 */
final class RequestBodyWriter {

    /**
     * A writer left by the last body written, taken by the next: bodies written one after another
     * on any threads reuse one generator, and bodies written at the same time make their own.
     */
    private static final AtomicReference<@Nullable DocumentWriter> SPARE = new AtomicReference<>();

    private RequestBodyWriter() {}

    /**
     * A generator writing one body after another into one buffer. Jackson has no way to point a
     * generator at a new output, and one made per body (its context and buffer) cost about 300
     * bytes; this one writes each body as the next root-level value, with no separator, and the
     * buffer is emptied after each. It keeps its buffers while it lives: the generator's 8 KB and
     * the builder's last block (at most Jackson's largest, 128 KB after a large body).
     */
    private static final class DocumentWriter {
        final ByteArrayBuilder out = new ByteArrayBuilder();
        final JsonGenerator generator;

        DocumentWriter() throws IOException {
            generator = Json.MAPPER.createGenerator(out, JsonEncoding.UTF8);
            generator.setRootValueSeparator(null);
        }

        /** The body written since the last call; the buffer is then empty for the next. */
        byte[] take() throws IOException {
            generator.flush();
            byte[] bytes = out.toByteArray();
            out.reset();
            return bytes;
        }
    }

    /**
     * @throws IllegalArgumentException as {@link RequestEncoder#encodeBody}, checked in the same
     *     order: {@code temperature}, {@code topP}, then the {@code extraBody} entries in key order
     */
    static byte[] write(ChatRequest request) {
        return write(request, false);
    }

    /**
     * As {@link #write(ChatRequest)}, optionally asking for a stream.
     *
     * @param stream whether to ask for an event stream ({@code "stream":true}, after the standard
     *     fields and before the {@code extraBody} entries)
     * @throws IllegalArgumentException as {@link #write(ChatRequest)}
     */
    static byte[] write(ChatRequest request, boolean stream) {
        Double temperature =
                request.temperature() == null ? null : finite(request.temperature(), "temperature");
        Double topP = request.topP() == null ? null : finite(request.topP(), "topP");
        Map<String, JsonNode> extra = extraNodes(request.extraBody());
        DocumentWriter w = SPARE.getAndSet(null);
        try {
            if (w == null) {
                w = new DocumentWriter();
            }
            writeObject(w.generator, request, temperature, topP, extra, stream);
            byte[] bytes = w.take();
            SPARE.set(w); // only after a whole body: a failed write leaves its generator behind
            return bytes;
        } catch (IOException e) {
            // A byte buffer does no I/O and every value here is writable: only a bug in Jackson
            // can get here.
            throw new UncheckedIOException("could not write the request body", e);
        }
    }

    private static void writeObject(
            JsonGenerator g,
            ChatRequest r,
            @Nullable Double temperature,
            @Nullable Double topP,
            Map<String, JsonNode> extra,
            boolean stream)
            throws IOException {
        g.writeStartObject();
        if (!replaced(g, "model", extra)) {
            g.writeStringField("model", r.model());
        }
        if (!replaced(g, "messages", extra)) {
            g.writeArrayFieldStart("messages");
            for (ChatMessage m : r.messages()) {
                g.writeStartObject();
                g.writeStringField("role", m.role());
                g.writeStringField("content", m.content());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.maxCompletionTokens() != null && !replaced(g, "max_completion_tokens", extra)) {
            g.writeNumberField("max_completion_tokens", r.maxCompletionTokens().intValue());
        }
        if (temperature != null && !replaced(g, "temperature", extra)) {
            g.writeNumberField("temperature", temperature.doubleValue());
        }
        if (topP != null && !replaced(g, "top_p", extra)) {
            g.writeNumberField("top_p", topP.doubleValue());
        }
        if (r.seed() != null && !replaced(g, "seed", extra)) {
            g.writeNumberField("seed", r.seed().longValue());
        }
        if (r.stop() != null && !replaced(g, "stop", extra)) {
            g.writeArrayFieldStart("stop");
            for (String s : r.stop()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (r.n() != null && !replaced(g, "n", extra)) {
            g.writeNumberField("n", r.n().intValue());
        }
        if (r.reasoningEffort() != null && !replaced(g, "reasoning_effort", extra)) {
            g.writeStringField("reasoning_effort", r.reasoningEffort());
        }
        if (r.reasoningFormat() != null && !replaced(g, "reasoning_format", extra)) {
            g.writeStringField("reasoning_format", r.reasoningFormat());
        }
        if (stream) {
            g.writeBooleanField("stream", true);
        }
        // What is left of extraBody comes after the standard fields, in key order (a TreeMap).
        for (Map.Entry<String, JsonNode> e : extra.entrySet()) {
            g.writeFieldName(e.getKey());
            Json.MAPPER.writeTree(g, e.getValue());
        }
        g.writeEndObject();
    }

    /**
     * An {@code extraBody} entry named like a standard field that is set takes that field's place,
     * as {@code ObjectNode.set} on an existing name did; it is then removed from {@code extra}.
     */
    private static boolean replaced(JsonGenerator g, String name, Map<String, JsonNode> extra)
            throws IOException {
        if (extra.isEmpty()) {
            return false;
        }
        JsonNode value = extra.remove(name);
        if (value == null) {
            return false;
        }
        g.writeFieldName(name);
        Json.MAPPER.writeTree(g, value);
        return true;
    }

    private static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Every {@code extraBody} value as a tree, in key order; an empty map when there are none. */
    private static Map<String, JsonNode> extraNodes(Map<String, Object> extraBody) {
        if (extraBody.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, JsonNode> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(extraBody).entrySet()) {
            out.put(e.getKey(), extraValue(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static JsonNode extraValue(String key, Object value) {
        if ("stream".equals(key)) {
            throw new IllegalArgumentException(
                    "extraBody.stream is not supported: call streamSync() or stream() to stream");
        }
        try {
            return Json.MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "extraBody."
                            + key
                            + " cannot be written as JSON: "
                            + value.getClass().getName(),
                    e);
        }
    }
}
