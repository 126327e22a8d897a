package dev.dualpath.adapter.model;

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
        Double queueSeconds, Double promptSeconds, Double completionSeconds, Double totalSeconds) {}
