package dev.dualpath.adapter.model;

/**
 * A tool call the model asked for.
 *
 * @param id the provider's id for the call
 * @param type usually {@code function}
 * @param functionName the function to call
 * @param argumentsJson the arguments as the raw JSON string the provider sent
 */
public record ToolCall(String id, String type, String functionName, String argumentsJson) {}
