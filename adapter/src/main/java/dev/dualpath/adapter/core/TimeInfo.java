package dev.dualpath.adapter.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The server's {@code time_info}, in seconds; each field null when absent. {@code
 * time_info.created} is not kept: the response's own {@code created} already says when.
 */
record TimeInfo(
        @Nullable Double queueSeconds,
        @Nullable Double promptSeconds,
        @Nullable Double completionSeconds,
        @Nullable Double totalSeconds) {

    static final TimeInfo NONE = new TimeInfo(null, null, null, null);

    /**
     * @throws Fields.ShapeException if {@code time_info} or one of its times has the wrong type
     */
    static TimeInfo read(JsonNode root) {
        JsonNode t = Fields.object(root, "time_info", "time_info");
        if (t == null) {
            return NONE;
        }
        return new TimeInfo(
                Fields.number(t, "queue_time", "time_info.queue_time"),
                Fields.number(t, "prompt_time", "time_info.prompt_time"),
                Fields.number(t, "completion_time", "time_info.completion_time"),
                Fields.number(t, "total_time", "time_info.total_time"));
    }
}
