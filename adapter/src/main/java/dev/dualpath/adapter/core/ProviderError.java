package dev.dualpath.adapter.core;

/**
 * The provider's own description of an error, as read from a body; any field may be null. Text is
 * raw provider text: callers redact and bound it before it reaches an exception.
 */
record ProviderError(String type, String code, String param, String message) {}
