package dev.dualpath.adapter.model;

import org.jspecify.annotations.Nullable;

/**
 * The server's {@code time_info} as a streamed chunk carries it, in seconds; each field null when
 * absent. A non-streamed response reports the same figures in its {@link ResponseMetrics}.
 *
 * @param queueSeconds {@code queue_time}
 * @param promptSeconds {@code prompt_time}
 * @param completionSeconds {@code completion_time}
 * @param totalSeconds {@code total_time}
 */
public record ServerTimeInfo(
        @Nullable Double queueSeconds,
        @Nullable Double promptSeconds,
        @Nullable Double completionSeconds,
        @Nullable Double totalSeconds) {}
