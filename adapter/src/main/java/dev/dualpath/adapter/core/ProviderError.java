package dev.dualpath.adapter.core;

import org.jspecify.annotations.Nullable;

/**
 * The provider's own description of an error, as read from a body; any field may be null. Text is
 * raw provider text: callers redact and bound it before it reaches an exception.
 */
record ProviderError(
        @Nullable String type,
        @Nullable String code,
        @Nullable String param,
        @Nullable String message) {}
