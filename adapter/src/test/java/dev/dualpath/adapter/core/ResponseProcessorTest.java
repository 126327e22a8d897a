package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ProviderMetadata;
import dev.dualpath.adapter.model.ToolCall;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.model.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseProcessorTest {

    private static final Duration DURATION = Duration.ofMillis(1500);
    private final ResponseProcessor processor = new ResponseProcessor();

    static final String MINIMAL =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"llama-3.3-70b\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"}}]}";

    static final String FULL =
            "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1700000000.75,"
                + "\"model\":\"qwen-3-32b\",\"system_fingerprint\":\"fp_abc\",\"service_tier\":\"default\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"logprobs\":null,\"message\":{\"role\":\"assistant\",\"content\":\"42\",\"reasoning\":\"Thinking"
                + " about it.\"}}],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":30,\"total_tokens\":42,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":8},\"completion_tokens_details\":{\"reasoning_tokens\":20}},"
                + "\"time_info\":{\"queue_time\":0.0001,\"prompt_time\":0.002,\"completion_time\":0.5,\"total_time\":0.6,"
                + "\"created\":1700000000.123}}";

    private UnifiedChatResponse process(String body, String... headers) {
        return processor.process(Wire.json(200, body, headers), DURATION, "req-1", 1);
    }

    @Test
    void minimalResponse() {
        UnifiedChatResponse r = process(MINIMAL);

        assertThat(r.id()).isEqualTo("chatcmpl-1");
        assertThat(r.model()).isEqualTo("llama-3.3-70b");
        assertThat(r.createdEpochSeconds()).isEqualTo(1700000000L);
        assertThat(r.systemFingerprint()).isNull();
        assertThat(r.serviceTier()).isNull();
        assertThat(r.choices())
                .containsExactly(new Choice(0, "stop", "assistant", "Hello!", null, List.of()));
        assertThat(r.usage()).isNull();
        assertThat(r.metrics().duration()).isEqualTo(DURATION);
        assertThat(r.metrics().timeToFirstByte()).isEqualTo(Duration.ofMillis(7));
        assertThat(r.metrics().roundTripSeconds()).isNull();
        assertThat(r.metrics().totalTimeSeconds()).isNull();
        assertThat(r.metrics().completionTokensPerSecond()).isNull();
        assertThat(r.metadata())
                .isEqualTo(new ProviderMetadata("cerebras", "req-1", null, 1, Map.of()));
    }

    @Test
    void fullResponse() {
        UnifiedChatResponse r =
                processor.process(
                        Wire.json(
                                200,
                                FULL,
                                "X-Request-Id",
                                "srv-9",
                                "x-ratelimit-remaining-tokens-minute",
                                "59958",
                                "X-RateLimit-Reset-Requests-Day",
                                "33011.38",
                                "server",
                                "cloudflare"),
                        DURATION,
                        "req-1",
                        3);

        assertThat(r.createdEpochSeconds()).isEqualTo(1700000000L);
        assertThat(r.systemFingerprint()).isEqualTo("fp_abc");
        assertThat(r.serviceTier()).isEqualTo("default");
        assertThat(r.choices())
                .containsExactly(
                        new Choice(0, "stop", "assistant", "42", "Thinking about it.", List.of()));
        assertThat(r.usage()).isEqualTo(new Usage(12, 30, 42, 8L, 20L));
        assertThat(r.metrics().queueTimeSeconds()).isEqualTo(0.0001);
        assertThat(r.metrics().promptTimeSeconds()).isEqualTo(0.002);
        assertThat(r.metrics().completionTimeSeconds()).isEqualTo(0.5);
        assertThat(r.metrics().totalTimeSeconds()).isEqualTo(0.6);
        assertThat(r.metrics().roundTripSeconds()).isCloseTo(0.9, within(1e-9));
        assertThat(r.metrics().completionTokensPerSecond()).isEqualTo(60.0);
        assertThat(r.metadata())
                .isEqualTo(
                        new ProviderMetadata(
                                "cerebras",
                                "req-1",
                                "srv-9",
                                3,
                                Map.of(
                                        "x-ratelimit-remaining-tokens-minute",
                                        "59958",
                                        "x-ratelimit-reset-requests-day",
                                        "33011.38")));
    }

    @Test
    void usageWithoutDetailsHasNullDetails() {
        UnifiedChatResponse r =
                process(
                        MINIMAL.replace(
                                "]}",
                                "],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,"
                                        + "\"total_tokens\":3,\"prompt_tokens_details\":null}}"));

        assertThat(r.usage()).isEqualTo(new Usage(1, 2, 3, null, null));
    }

    @Test
    void zeroCompletionTimeGivesNoTokensPerSecond() {
        UnifiedChatResponse r =
                process(FULL.replace("\"completion_time\":0.5", "\"completion_time\":0"));

        assertThat(r.metrics().completionTimeSeconds()).isZero();
        assertThat(r.metrics().completionTokensPerSecond()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "plain answer                 | 'Hello'                                  | null    "
                        + "          | Hello                    | null",
                "parsed reasoning wins        | '<think>x</think>y'                      | 'r'     "
                        + "          | <think>x</think>y        | r",
                "think block                  | '<think>step 1\\n"
                        + "step 2</think>\\n"
                        + "\\n"
                        + "Answer' | null          | Answer                   | step 1\\n"
                        + "step 2",
                "leading whitespace           | '  \\n"
                    + "<think> a </think>  b '             | null              | 'b '              "
                    + "       | a",
                "empty think                  | '<think></think>Answer'                  | null    "
                        + "          | Answer                   | ''",
                "only think                   | '<think>all</think>'                     | null    "
                        + "          | ''                       | all",
                "unclosed think               | '<think>still going'                     | null    "
                        + "          | <think>still going       | null",
                "think not at start           | 'A <think>b</think>'                     | null    "
                        + "          | A <think>b</think>       | null",
                "close only first             | '<think>a</think>b</think>c'             | null    "
                        + "          | b</think>c               | a",
                "null content, reasoning      | null                                     | 'why'   "
                        + "          | null                     | why"
            })
    void reasoningComesFromTheFieldOrALeadingThinkBlock(
            String name,
            String content,
            String reasoning,
            String expectedContent,
            String expectedReasoning) {
        String body =
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + jsonString(content)
                        + ",\"reasoning\":"
                        + jsonString(reasoning)
                        + "}}]}";

        UnifiedChatResponse r = process(body);

        assertThat(r.content()).isEqualTo(unescape(expectedContent));
        assertThat(r.reasoning()).isEqualTo(unescape(expectedReasoning));
    }

    @Test
    void lengthFinishWithReasoningAndNoContentKey() {
        UnifiedChatResponse r =
                process(
                        "{\"id\":\"x\",\"choices\":[{\"index\":0,\"finish_reason\":\"length\",\"message\":{\"role\":\"assistant\",\"reasoning\":\"I"
                            + " was thinking and ran out\"}}]}");

        assertThat(r.choices())
                .containsExactly(
                        new Choice(
                                0,
                                "length",
                                "assistant",
                                null,
                                "I was thinking and ran out",
                                List.of()));
    }

    @Test
    void toolCallsWithNullContent() {
        UnifiedChatResponse r =
                process(
                        "{\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":"
                            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                            + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}},"
                            + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"{}\"}}]}}]}");

        assertThat(r.choices())
                .containsExactly(
                        new Choice(
                                0,
                                "tool_calls",
                                "assistant",
                                null,
                                null,
                                List.of(
                                        new ToolCall(
                                                "call_1",
                                                "function",
                                                "get_weather",
                                                "{\"city\":\"Paris\"}"),
                                        new ToolCall("call_2", "function", "now", "{}"))));
    }

    @Test
    void unknownFieldsAtEveryLevelAreIgnored() {
        String body =
                "{\"id\":\"u\",\"novel\":{\"deep\":[1,2,{\"x\":null}]},\"created\":1,\"choices\":[{\"index\":0,"
                    + "\"extra\":true,\"message\":{\"role\":\"assistant\",\"content\":\"c\",\"annotations\":[],"
                    + "\"tool_calls\":[{\"id\":\"t\",\"type\":\"function\",\"strange\":1,\"function\":{\"name\":\"f\","
                    + "\"arguments\":\"{}\",\"more\":\"x\"}}]}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                    + "\"total_tokens\":2,\"new_count\":5,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio\":3},"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"accepted_prediction_tokens\":0}},"
                    + "\"time_info\":{\"total_time\":0.1,\"gpu\":\"x\"}}";

        UnifiedChatResponse r = process(body);

        assertThat(r.choices().get(0).toolCalls())
                .containsExactly(new ToolCall("t", "function", "f", "{}"));
        assertThat(r.usage()).isEqualTo(new Usage(1, 1, 2, 0L, 0L));
        assertThat(r.metrics().totalTimeSeconds()).isEqualTo(0.1);
    }

    @Test
    void threeChoicesKeepTheirOrderAndIndices() {
        String body =
                "{\"choices\":["
                    + "{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"a\"}},"
                    + "{\"index\":1,\"finish_reason\":\"length\",\"message\":{\"role\":\"assistant\",\"content\":\"b\"}},"
                    + "{\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"c\"}}]}";

        assertThat(process(body).choices())
                .extracting(Choice::index, Choice::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "a"),
                        org.assertj.core.groups.Tuple.tuple(1, "b"),
                        org.assertj.core.groups.Tuple.tuple(2, "c"));
    }

    @Test
    void emptyChoicesAndNullOptionalFields() {
        UnifiedChatResponse r =
                process(
                        "{\"id\":null,\"model\":null,\"created\":null,\"choices\":[],\"usage\":null,"
                            + "\"time_info\":null,\"service_tier\":null}");

        assertThat(r.choices()).isEmpty();
        assertThat(r.id()).isNull();
        assertThat(r.createdEpochSeconds()).isZero();
        assertThat(r.usage()).isNull();
    }

    @Test
    void aChoiceWithoutAMessageHasNoContent() {
        assertThat(
                        process(
                                        "{\"choices\":[{\"index\":0,\"finish_reason\":\"content_filter\"}]}")
                                .choices())
                .containsExactly(new Choice(0, "content_filter", null, null, null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "emoji         | Hi 👋🏽 family 👨‍👩‍👧‍👦",
                "cjk           | 你好，世界。こんにちは。안녕하세요",
                "supplementary | 𝕳𝖊𝖑𝖑𝖔 𠀋 \uD83D\uDE00",
                "rtl and marks | مرحبا ‏ שלום é ñ",
                "controls      | tab\there"
            })
    void unicodeIsKeptExactlyWhetherRawOrEscaped(String name, String text) {
        String raw = "{\"choices\":[{\"message\":{\"content\":" + jsonString(text) + "}}]}";
        String escaped =
                "{\"choices\":[{\"message\":{\"content\":\"" + asciiEscaped(text) + "\"}}]}";

        assertThat(process(raw).content()).isEqualTo(text);
        assertThat(process(escaped).content()).isEqualTo(text);
    }

    @Test
    void eightMebibyteContentIsKeptWhole() {
        StringBuilder sb = new StringBuilder(8 * 1024 * 1024);
        String unit = "lorem ipsum 😀 你好 ";
        while (sb.length() < 8 * 1024 * 1024) {
            sb.append(unit);
        }
        String content = sb.toString();
        byte[] body =
                ("{\"id\":\"big\",\"choices\":[{\"index\":0,\"finish_reason\":\"length\",\"message\":{\"role\":"
                     + "\"assistant\",\"content\":\""
                                + content
                                + "\"}}]}")
                        .getBytes(StandardCharsets.UTF_8);

        UnifiedChatResponse r = processor.process(Wire.response(200, body), DURATION, "req-1", 1);

        assertThat(r.content()).hasSameSizeAs(content);
        assertThat(r.content()).isEqualTo(content);
    }

    private static String jsonString(String s) {
        if (s == null) {
            return "null";
        }
        return "\""
                + unescape(s)
                        .replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t")
                + "\"";
    }

    /** CsvSource cannot hold a newline: {@code \n} in the table stands for one. */
    private static String unescape(String s) {
        return s == null ? null : s.replace("\\n", "\n");
    }

    private static String asciiEscaped(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
