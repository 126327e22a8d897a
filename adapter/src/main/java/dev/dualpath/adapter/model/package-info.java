/**
 * Immutable records of what a caller sends and receives: {@code ChatRequest} and {@code
 * ChatMessage}; {@code UnifiedChatResponse} with its {@code Choice}s, {@code ToolCall}s, {@code
 * Usage}, {@code ResponseMetrics} and {@code ProviderMetadata}. The timing fields of {@code
 * ResponseMetrics} are the only fields that may differ between two paths meeting the same server
 * behaviour; the conformance suite compares everything else.
 *
 * <p>A leaf: depends on no other package of the project.
 */
package dev.dualpath.adapter.model;
