package dev.dualpath.conformance.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.conformance.fake.SseScript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an attempt's {@code stream} object into an {@link SseScript}, writing each event as a
 * server would. Fields: {@code events} (required), {@code gapMs}, {@code chunkBytes}, {@code
 * lineEnd} ("\n" unless "\r\n" or "\r" is given) and {@code bom} (a UTF-8 byte order mark before
 * the first event). Each event is either {@code raw} (text written verbatim, e.g. an event cut in
 * half) or built from {@code comment} (a {@code :} line), {@code event} (its type), {@code id} and
 * {@code data}: a JSON value written compact, or a string written as is, one {@code data:} line per
 * line of it; a built event ends with a blank line. The scenario README shows examples.
 */
final class StreamScriptParser {

    private static final List<String> LINE_ENDS = List.of("\n", "\r\n", "\r");

    private StreamScriptParser() {}

    static SseScript parse(JsonFields f) {
        f.allowOnly("events", "gapMs", "chunkBytes", "lineEnd", "bom");
        String lineEnd = f.optString("lineEnd");
        if (lineEnd == null) {
            lineEnd = "\n";
        } else if (!LINE_ENDS.contains(lineEnd)) {
            throw f.error("lineEnd", "must be \"\\n\", \"\\r\\n\" or \"\\r\"");
        }
        List<JsonFields> items = f.optObjects("events");
        if (items == null || items.isEmpty()) {
            throw f.error("events", "is required (a non-empty array of events)");
        }
        List<byte[]> events = new ArrayList<>();
        for (JsonFields item : items) {
            events.add(event(item, lineEnd));
        }
        if (Boolean.TRUE.equals(f.optBoolean("bom"))) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            first.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            first.writeBytes(events.get(0));
            events.set(0, first.toByteArray());
        }
        Long gap = f.optLong("gapMs");
        Integer chunkBytes = f.optInt("chunkBytes");
        return f.build(
                () ->
                        new SseScript(
                                events,
                                Duration.ofMillis(gap == null ? 0 : gap),
                                chunkBytes == null ? 0 : chunkBytes));
    }

    private static byte[] event(JsonFields f, String lineEnd) {
        f.allowOnly("raw", "comment", "event", "id", "data");
        if (f.has("raw")) {
            if (f.has("comment") || f.has("event") || f.has("id") || f.has("data")) {
                throw f.error("raw", "is written verbatim: give no other field with it");
            }
            return f.string("raw").getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        String comment = f.optString("comment");
        if (comment != null) {
            sb.append(':').append(comment).append(lineEnd);
        }
        String type = f.optString("event");
        if (type != null) {
            sb.append("event: ").append(type).append(lineEnd);
        }
        String id = f.optString("id");
        if (id != null) {
            sb.append("id: ").append(id).append(lineEnd);
        }
        JsonNode data = f.raw("data");
        if (data != null) {
            String text;
            try {
                text =
                        data.isTextual()
                                ? data.textValue()
                                : ScenarioParser.JSON.writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw f.error("data", "cannot be serialised: " + e.getOriginalMessage());
            }
            for (String line : text.split("\n", -1)) {
                sb.append("data: ").append(line).append(lineEnd);
            }
        }
        if (sb.length() == 0) {
            throw f.error("data", "is required unless the event is a comment or raw");
        }
        sb.append(lineEnd);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
