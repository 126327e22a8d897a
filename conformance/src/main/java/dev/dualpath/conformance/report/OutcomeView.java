package dev.dualpath.conformance.report;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ResponseMetrics;
import dev.dualpath.adapter.model.ToolCall;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.model.Usage;
import dev.dualpath.testkit.ErrorOutcome;
import dev.dualpath.testkit.Outcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Outcome} as plain JSON-ready maps (field order kept, nulls kept so a reader sees what
 * was absent). Texts over 200 characters are shortened to their head, length and tail: an 8 MiB
 * response must not become an 8 MiB report cell.
 */
final class OutcomeView {

    static final int MAX_TEXT = 200;

    private OutcomeView() {}

    static Map<String, Object> of(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o.response() != null) {
            m.put("kind", "response");
            m.put("response", response(o.response()));
        } else {
            m.put("kind", "error");
            m.put("error", error(o.error()));
        }
        m.put("attempts", o.attempts());
        m.put("sleepsMs", o.sleeps().stream().map(Duration::toMillis).toList());
        return m;
    }

    /**
     * One line, e.g. {@code response "Hello!" (stop)} or {@code RateLimitException 429 [code=…]}.
     */
    static String summary(Outcome o) {
        if (o.response() != null) {
            return "response "
                    + text(o.response().content())
                    + " ("
                    + o.response().finishReason()
                    + ")";
        }
        ErrorOutcome e = o.error();
        if (e.details() == null) {
            return e.className() + ": " + text(e.foreign());
        }
        return e.className()
                + (e.phase() != null ? "[" + e.phase() + "]" : "")
                + " "
                + e.details().status()
                + (e.details().code() != null ? " code=" + e.details().code() : "");
    }

    static String text(String s) {
        if (s == null || s.length() <= MAX_TEXT) {
            return s;
        }
        return s.substring(0, 60) + "…(" + s.length() + " chars)…" + s.substring(s.length() - 20);
    }

    private static Map<String, Object> response(UnifiedChatResponse r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("model", r.model());
        m.put("createdEpochSeconds", r.createdEpochSeconds());
        m.put("systemFingerprint", r.systemFingerprint());
        m.put("serviceTier", r.serviceTier());
        m.put("choices", r.choices().stream().map(OutcomeView::choice).toList());
        m.put("usage", r.usage() == null ? null : usage(r.usage()));
        m.put("serverTime", r.metrics() == null ? null : serverTime(r.metrics()));
        if (r.metadata() != null) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("provider", r.metadata().provider());
            meta.put("requestId", r.metadata().requestId());
            meta.put("providerRequestId", r.metadata().providerRequestId());
            meta.put("attempts", r.metadata().attempts());
            meta.put("rateLimit", r.metadata().rateLimit());
            m.put("metadata", meta);
        } else {
            m.put("metadata", null);
        }
        return m;
    }

    private static Map<String, Object> choice(Choice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", c.index());
        m.put("finishReason", c.finishReason());
        m.put("role", c.role());
        m.put("content", text(c.content()));
        m.put("reasoning", text(c.reasoning()));
        m.put("toolCalls", c.toolCalls().stream().map(OutcomeView::toolCall).toList());
        return m;
    }

    private static Map<String, Object> toolCall(ToolCall t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("type", t.type());
        m.put("functionName", t.functionName());
        m.put("argumentsJson", text(t.argumentsJson()));
        return m;
    }

    private static Map<String, Object> usage(Usage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("promptTokens", u.promptTokens());
        m.put("completionTokens", u.completionTokens());
        m.put("totalTokens", u.totalTokens());
        m.put("cachedTokens", u.cachedTokens());
        m.put("reasoningTokens", u.reasoningTokens());
        return m;
    }

    private static Map<String, Object> serverTime(ResponseMetrics t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queueTimeSeconds", t.queueTimeSeconds());
        m.put("promptTimeSeconds", t.promptTimeSeconds());
        m.put("completionTimeSeconds", t.completionTimeSeconds());
        m.put("totalTimeSeconds", t.totalTimeSeconds());
        m.put("completionTokensPerSecond", t.completionTokensPerSecond());
        return m;
    }

    private static Map<String, Object> error(ErrorOutcome e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", e.className());
        ErrorDetails d = e.details();
        if (d == null) {
            m.put("foreignMessage", text(e.foreign()));
            return m;
        }
        m.put("status", d.status());
        m.put("type", d.type());
        m.put("code", d.code());
        m.put("param", d.param());
        m.put("message", text(d.message()));
        m.put("requestId", d.requestId());
        m.put("retryable", d.retryable());
        m.put("phase", e.phase() == null ? null : e.phase().name());
        if (e.rateLimit() != null) {
            m.put(
                    "retryAfterMs",
                    e.rateLimit().retryAfter() == null
                            ? null
                            : e.rateLimit().retryAfter().toMillis());
            m.put("rateLimit", e.rateLimit().headers());
        }
        return m;
    }

    static List<Map<String, Object>> all(List<Outcome> outcomes) {
        return outcomes.stream().map(OutcomeView::of).toList();
    }
}
