package dev.dualpath.conformance.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.Backend;
import dev.dualpath.conformance.fake.Dribble;
import dev.dualpath.conformance.fake.Fault;
import dev.dualpath.conformance.fake.ServerScript;
import dev.dualpath.conformance.fake.SseScript;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one scenario file into a validated {@link Scenario}; every problem names the file and
 * field.
 */
final class ScenarioParser {

    /**
     * Floats stay exact decimals, so a {@code bodyJson} is sent with the digits the file spells.
     */
    static final ObjectMapper JSON =
            JsonMapper.builder()
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build();

    private ScenarioParser() {}

    /**
     * @param file the resource path, e.g. {@code scenarios/errors/401-top-level.json}; its folder
     *     must equal {@code group} and its name {@code id}
     * @throws ScenarioFormatException naming the file and field
     */
    static Scenario parse(String file, byte[] bytes) {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            String why =
                    e instanceof JsonProcessingException j && j.getLocation() != null
                            ? j.getOriginalMessage() + " (line " + j.getLocation().getLineNr() + ")"
                            : e.getMessage();
            throw new ScenarioFormatException(file, null, "is not valid JSON: " + why, e);
        }
        JsonFields root =
                JsonFields.root(file, tree)
                        .allowOnly(
                                "id",
                                "description",
                                "group",
                                "server",
                                "client",
                                "action",
                                "request",
                                "run",
                                "batch",
                                "expect",
                                "capabilities");
        String id = root.string("id");
        String group = root.string("group");
        checkLocation(root, id, group);
        ServerScript server =
                root.optObject("server") == null ? null : server(root.optObject("server"));
        ClientConfig client =
                root.optObject("client") == null ? null : client(root.optObject("client"));
        Action action = root.optObject("action") == null ? null : action(root.optObject("action"));
        RequestOverrides request =
                root.optObject("request") == null ? null : request(root.optObject("request"));
        RunPlan run = root.optObject("run") == null ? null : run(root.optObject("run"));
        BatchPlan batch =
                root.optObject("batch") == null ? null : BatchParser.plan(root.optObject("batch"));
        JsonFields expectFields = root.optObject("expect");
        if (expectFields == null) {
            throw root.error("expect", "is required (an object)");
        }
        Expectation expect = ExpectationParser.expectation(expectFields);
        Set<Capability> capabilities = capabilities(root);
        return root.build(
                () ->
                        new Scenario(
                                id,
                                root.optString("description"),
                                group,
                                server,
                                client,
                                action,
                                request,
                                run,
                                batch,
                                expect,
                                capabilities));
    }

    private static void checkLocation(JsonFields root, String id, String group) {
        String[] parts = root.file().split("/", -1);
        String name = parts[parts.length - 1];
        if (!name.equals(id + ".json")) {
            throw root.error("id", "must match the file name '" + name + "', was '" + id + "'");
        }
        if (parts.length >= 2 && !parts[parts.length - 2].equals(group)) {
            throw root.error(
                    "group",
                    "must match the folder '" + parts[parts.length - 2] + "', was '" + group + "'");
        }
    }

    private static ServerScript server(JsonFields f) {
        f.allowOnly("attempts", "repeatLast", "backend");
        List<JsonFields> items = f.optObjects("attempts");
        if (items == null || items.isEmpty()) {
            throw f.error("attempts", "is required (a non-empty array)");
        }
        List<AttemptScript> attempts = new ArrayList<>();
        for (JsonFields item : items) {
            attempts.add(attempt(item));
        }
        Backend backend = optEnum(f, "backend", Backend.class);
        boolean repeatLast = !Boolean.FALSE.equals(f.optBoolean("repeatLast")); // default: repeat
        return f.build(() -> new ServerScript(attempts, repeatLast, backend));
    }

    private static AttemptScript attempt(JsonFields f) {
        f.allowOnly(
                "status",
                "headers",
                "body",
                "bodyJson",
                "bodyBase64",
                "bodyRepeat",
                "delayMs",
                "dribble",
                "fault",
                "stream");
        Integer status = f.optInt("status");
        Map<String, String> headers = f.stringMap("headers");
        byte[] body = ScenarioBody.bytes(f);
        if (f.has("bodyJson")
                && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headers.put("Content-Type", "application/json");
        }
        Long delayMs = f.optLong("delayMs");
        JsonFields d = f.optObject("dribble");
        Dribble dribble = d == null ? null : dribble(d);
        Fault fault = optEnum(f, "fault", Fault.class);
        JsonFields s = f.optObject("stream");
        SseScript sse = s == null ? null : StreamScriptParser.parse(s);
        if (sse != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headers.put("Content-Type", "text/event-stream");
        }
        return f.build(
                () ->
                        new AttemptScript(
                                status == null ? 200 : status,
                                headers,
                                body,
                                Duration.ofMillis(delayMs == null ? 0 : delayMs),
                                dribble,
                                fault,
                                sse));
    }

    private static Dribble dribble(JsonFields f) {
        f.allowOnly("chunks", "totalMs", "mode");
        Integer chunks = f.optInt("chunks");
        Long total = f.optLong("totalMs");
        if (chunks == null || total == null) {
            throw f.error(chunks == null ? "chunks" : "totalMs", "is required");
        }
        Dribble.Mode given = optEnum(f, "mode", Dribble.Mode.class);
        Dribble.Mode mode = given == null ? Dribble.Mode.HEADERS_FIRST : given;
        return f.build(() -> new Dribble(chunks, Duration.ofMillis(total), mode));
    }

    private static ClientConfig client(JsonFields f) {
        f.allowOnly("connectTimeoutMs", "readTimeoutMs", "requestTimeoutMs", "maxRetries", "clock");
        ClientConfig d = ClientConfig.DEFAULTS;
        Duration connect = millis(f, "connectTimeoutMs", d.connectTimeout());
        Duration read = millis(f, "readTimeoutMs", d.readTimeout());
        Duration request = millis(f, "requestTimeoutMs", d.requestTimeout());
        Integer maxRetries = f.optInt("maxRetries");
        Instant clock = null;
        String clockText = f.optString("clock");
        if (clockText != null) {
            try {
                clock = Instant.parse(clockText);
            } catch (DateTimeParseException e) {
                throw f.error(
                        "clock",
                        "must be an ISO-8601 instant like 2025-01-01T00:00:00Z, was " + clockText);
            }
        }
        Instant fixedClock = clock;
        return f.build(
                () ->
                        new ClientConfig(
                                connect,
                                read,
                                request,
                                maxRetries == null ? d.maxRetries() : maxRetries,
                                fixedClock));
    }

    private static Action action(JsonFields f) {
        f.allowOnly("kind", "afterMs", "from", "count");
        Action.Kind kind = optEnum(f, "kind", Action.Kind.class);
        Long after = f.optLong("afterMs");
        Action.Trigger from = optEnum(f, "from", Action.Trigger.class);
        Integer count = f.optInt("count");
        return f.build(
                () ->
                        new Action(
                                kind,
                                after == null ? null : Duration.ofMillis(after),
                                from,
                                count == null ? 1 : count));
    }

    private static RequestOverrides request(JsonFields f) {
        f.allowOnly("model", "messages", "n", "reasoningFormat", "extraBody", "stream");
        List<ChatMessage> messages = null;
        List<JsonFields> items = f.optObjects("messages");
        if (items != null) {
            messages = new ArrayList<>();
            for (JsonFields m : items) {
                m.allowOnly("role", "content");
                String role = m.string("role");
                String content = m.string("content");
                messages.add(
                        m.build(
                                () -> {
                                    try {
                                        return new ChatMessage(role, content);
                                    } catch (IllegalArgumentException e) {
                                        throw new dev.dualpath.conformance.fake
                                                .InvalidFieldException("role", e.getMessage());
                                    }
                                }));
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        JsonFields e = f.optObject("extraBody");
        if (e != null) {
            extra =
                    JSON.convertValue(
                            f.raw("extraBody"),
                            JSON.getTypeFactory()
                                    .constructMapType(
                                            LinkedHashMap.class, String.class, Object.class));
        }
        List<ChatMessage> finalMessages = messages;
        Map<String, Object> finalExtra = extra;
        return f.build(
                () ->
                        new RequestOverrides(
                                f.optString("model"),
                                finalMessages,
                                f.optInt("n"),
                                f.optString("reasoningFormat"),
                                finalExtra,
                                Boolean.TRUE.equals(f.optBoolean("stream"))));
    }

    private static RunPlan run(JsonFields f) {
        f.allowOnly("calls", "parallel", "awaitServerClose", "mix");
        Integer calls = f.optInt("calls");
        List<String> mix = new ArrayList<>();
        List<JsonNode> items = f.optArray("mix");
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isTextual()) {
                    throw f.error("mix[" + i + "]", "must be a scenario id (a string)");
                }
                mix.add(items.get(i).asText());
            }
        }
        return f.build(
                () ->
                        new RunPlan(
                                calls == null ? 1 : calls,
                                Boolean.TRUE.equals(f.optBoolean("parallel")),
                                Boolean.TRUE.equals(f.optBoolean("awaitServerClose")),
                                mix));
    }

    private static Set<Capability> capabilities(JsonFields root) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        List<JsonNode> items = root.optArray("capabilities");
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String name = items.get(i).asText("");
            int index = i;
            out.add(
                    Capability.fromWireName(name)
                            .orElseThrow(
                                    () ->
                                            root.error(
                                                    "capabilities[" + index + "]",
                                                    "must be one of "
                                                            + Arrays.toString(Capability.values())
                                                            + ", was "
                                                            + items.get(index))));
        }
        return out;
    }

    private static Duration millis(JsonFields f, String key, Duration fallback) {
        Long ms = f.optLong(key);
        return ms == null ? fallback : Duration.ofMillis(ms);
    }

    static <E extends Enum<E>> E optEnum(JsonFields f, String key, Class<E> type) {
        String name = f.optString(key);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.error(
                    key,
                    "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was " + name);
        }
    }
}
