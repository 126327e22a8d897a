package dev.dualpath.conformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.error.TimeoutPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code expect} object of a scenario file. */
final class ExpectationParser {

    private ExpectationParser() {}

    static Expectation expectation(JsonFields f) {
        f.allowOnly(
                "response",
                "error",
                "attempts",
                "sleepsMs",
                "serverRequests",
                "clientClosedSocket",
                "chunks",
                "batch");
        JsonFields r = f.optObject("response");
        JsonFields e = f.optObject("error");
        ExpectedResponse response = r == null ? null : response(r);
        ExpectedError error = e == null ? null : error(e);
        List<Duration> finalSleeps = millisList(f, "sleepsMs");
        JsonFields c = f.optObject("chunks");
        ExpectedChunks chunks = c == null ? null : chunks(c);
        JsonFields b = f.optObject("batch");
        ExpectedBatch batch = b == null ? null : BatchParser.expected(b);
        return f.build(
                () ->
                        new Expectation(
                                response,
                                error,
                                f.optInt("attempts"),
                                finalSleeps,
                                f.optInt("serverRequests"),
                                f.optBoolean("clientClosedSocket"),
                                chunks,
                                batch));
    }

    /**
     * {@code expect.chunks}: {@code count}, and per-chunk {@code content} and {@code reasoning}.
     */
    private static ExpectedChunks chunks(JsonFields f) {
        f.allowOnly("count", "content", "reasoning");
        List<String> content = textsOrNulls(f, "content");
        List<String> reasoning = textsOrNulls(f, "reasoning");
        return f.build(() -> new ExpectedChunks(f.optInt("count"), content, reasoning));
    }

    private static List<String> textsOrNulls(JsonFields f, String key) {
        List<JsonNode> items = f.optArray(key);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual() && !item.isNull()) {
                throw f.error(key + "[" + i + "]", "must be a string or null, was " + item);
            }
            out.add(item.isNull() ? null : item.textValue());
        }
        return out;
    }

    /** A list of whole milliseconds ≥ 0 at {@code key}, or null when absent. */
    static List<Duration> millisList(JsonFields f, String key) {
        List<JsonNode> items = f.optArray(key);
        if (items == null) {
            return null;
        }
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).canConvertToLong()
                    || !items.get(i).isIntegralNumber()
                    || items.get(i).asLong() < 0) {
                throw f.error(
                        key + "[" + i + "]",
                        "must be an integer >= 0 (milliseconds), was " + items.get(i));
            }
            out.add(Duration.ofMillis(items.get(i).asLong()));
        }
        return out;
    }

    private static ExpectedResponse response(JsonFields f) {
        f.allowOnly(
                "id",
                "model",
                "createdEpochSeconds",
                "systemFingerprint",
                "serviceTier",
                "content",
                "reasoning",
                "finishReason",
                "choices",
                "usage",
                "timeInfo",
                "providerRequestId",
                "rateLimit");
        Integer choiceCount = null;
        List<ExpectedChoice> choices = null;
        JsonNode c = f.raw("choices");
        if (c != null && c.isIntegralNumber()) {
            choiceCount = f.optInt("choices");
        } else if (c != null) {
            choices = new ArrayList<>();
            for (JsonFields item : f.optObjects("choices")) {
                choices.add(choice(item));
            }
        }
        ExpectedUsage usage =
                !f.has("usage")
                        ? null
                        : f.isNull("usage") ? ExpectedUsage.ABSENT : usage(f.optObject("usage"));
        ExpectedTimeInfo timeInfo =
                !f.has("timeInfo")
                        ? null
                        : f.isNull("timeInfo")
                                ? ExpectedTimeInfo.ABSENT
                                : timeInfo(f.optObject("timeInfo"));
        Integer count = choiceCount;
        List<ExpectedChoice> list = choices;
        return f.build(
                () ->
                        new ExpectedResponse(
                                text(f, "id"),
                                text(f, "model"),
                                f.optLong("createdEpochSeconds"),
                                text(f, "systemFingerprint"),
                                text(f, "serviceTier"),
                                text(f, "content"),
                                text(f, "reasoning"),
                                text(f, "finishReason"),
                                count,
                                list,
                                usage,
                                timeInfo,
                                text(f, "providerRequestId"),
                                f.stringMap("rateLimit")));
    }

    private static ExpectedChoice choice(JsonFields f) {
        f.allowOnly("index", "finishReason", "role", "content", "reasoning", "toolCalls");
        List<ExpectedToolCall> toolCalls = null;
        List<JsonFields> items = f.optObjects("toolCalls");
        if (items != null) {
            toolCalls = new ArrayList<>();
            for (JsonFields t : items) {
                t.allowOnly("id", "type", "functionName", "argumentsJson");
                toolCalls.add(
                        new ExpectedToolCall(
                                text(t, "id"),
                                text(t, "type"),
                                text(t, "functionName"),
                                text(t, "argumentsJson")));
            }
        }
        List<ExpectedToolCall> calls = toolCalls;
        return f.build(
                () ->
                        new ExpectedChoice(
                                f.optInt("index"),
                                text(f, "finishReason"),
                                text(f, "role"),
                                text(f, "content"),
                                text(f, "reasoning"),
                                calls));
    }

    private static ExpectedUsage usage(JsonFields f) {
        f.allowOnly(
                "promptTokens",
                "completionTokens",
                "totalTokens",
                "cachedTokens",
                "reasoningTokens");
        return new ExpectedUsage(
                true,
                f.optLong("promptTokens"),
                f.optLong("completionTokens"),
                f.optLong("totalTokens"),
                nullableLong(f, "cachedTokens"),
                nullableLong(f, "reasoningTokens"));
    }

    private static ExpectedTimeInfo timeInfo(JsonFields f) {
        f.allowOnly(
                "queueTimeSeconds",
                "promptTimeSeconds",
                "completionTimeSeconds",
                "totalTimeSeconds",
                "completionTokensPerSecond");
        return new ExpectedTimeInfo(
                true,
                nullableDouble(f, "queueTimeSeconds"),
                nullableDouble(f, "promptTimeSeconds"),
                nullableDouble(f, "completionTimeSeconds"),
                nullableDouble(f, "totalTimeSeconds"),
                nullableDouble(f, "completionTokensPerSecond"));
    }

    private static ExpectedError error(JsonFields f) {
        f.allowOnly(
                "class",
                "status",
                "type",
                "code",
                "param",
                "retryable",
                "phase",
                "messageContains",
                "retryAfterMs",
                "rateLimit",
                "providerRequestId");
        TimeoutPhase phase = ScenarioParser.optEnum(f, "phase", TimeoutPhase.class);
        Check<Duration> retryAfter = null;
        if (f.has("retryAfterMs")) {
            Long ms = f.isNull("retryAfterMs") ? null : f.optLong("retryAfterMs");
            retryAfter = new Check<>(ms == null ? null : Duration.ofMillis(ms));
        }
        Check<Duration> finalRetryAfter = retryAfter;
        return f.build(
                () ->
                        new ExpectedError(
                                f.optString("class"),
                                f.optInt("status"),
                                text(f, "type"),
                                text(f, "code"),
                                text(f, "param"),
                                f.optBoolean("retryable"),
                                phase,
                                f.optString("messageContains"),
                                finalRetryAfter,
                                f.stringMap("rateLimit"),
                                text(f, "providerRequestId")));
    }

    /**
     * Absent: unchecked; null: must be null; a string: equal; an object: a {@link
     * TextExpectation.Shape}.
     */
    static TextExpectation text(JsonFields f, String key) {
        if (!f.has(key)) {
            return null;
        }
        if (f.isNull(key)) {
            return new TextExpectation.IsNull();
        }
        JsonFields shape = f.raw(key).isObject() ? f.optObject(key) : null;
        if (shape == null) {
            return new TextExpectation.Equals(f.optString(key));
        }
        shape.allowOnly("length", "startsWith", "endsWith", "contains");
        return shape.build(
                () ->
                        new TextExpectation.Shape(
                                shape.optInt("length"),
                                shape.optString("startsWith"),
                                shape.optString("endsWith"),
                                shape.optString("contains")));
    }

    private static Check<Long> nullableLong(JsonFields f, String key) {
        return !f.has(key) ? null : new Check<>(f.isNull(key) ? null : f.optLong(key));
    }

    private static Check<Double> nullableDouble(JsonFields f, String key) {
        return !f.has(key) ? null : new Check<>(f.isNull(key) ? null : f.optDouble(key));
    }
}
