package dev.dualpath.adapter.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Timing of one call. These are the only fields of a {@link UnifiedChatResponse} that may differ
 * between two paths serving the same server behaviour.
 *
 * @param duration client-side wall time of the whole call, retries and backoff included; never null
 * @param timeToFirstByte time from sending the last attempt to receiving its response headers, or
 *     null where the transport cannot tell
 * @param roundTripSeconds {@code duration} in seconds minus the server's {@code total_time}, i.e.
 *     network and client time; null without {@code time_info}
 * @param queueTimeSeconds server {@code time_info.queue_time}, or null
 * @param promptTimeSeconds server {@code time_info.prompt_time}, or null
 * @param completionTimeSeconds server {@code time_info.completion_time}, or null
 * @param totalTimeSeconds server {@code time_info.total_time}, or null
 * @param completionTokensPerSecond completion tokens divided by {@code completion_time}, or null
 *     when either is missing or the time is zero
 */
public record ResponseMetrics(
        Duration duration,
        @Nullable Duration timeToFirstByte,
        @Nullable Double roundTripSeconds,
        @Nullable Double queueTimeSeconds,
        @Nullable Double promptTimeSeconds,
        @Nullable Double completionTimeSeconds,
        @Nullable Double totalTimeSeconds,
        @Nullable Double completionTokensPerSecond) {}
