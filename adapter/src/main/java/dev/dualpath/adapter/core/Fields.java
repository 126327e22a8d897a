package dev.dualpath.adapter.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Strict typed reads from a JSON tree. The rule everywhere: an absent or {@code null} field reads
 * as null; a present field of the wrong JSON type is an error naming its path. Strings are never
 * coerced to numbers or back.
 */
final class Fields {

    private Fields() {}

    /** A field's value is there but has the wrong JSON type or range. */
    static final class ShapeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShapeException(String path, String problem) {
            super(path + ": " + problem, null, false, false);
        }
    }

    /** The field, or null when absent or JSON null. */
    static @Nullable JsonNode present(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        return v == null || v.isNull() ? null : v;
    }

    static @Nullable String text(JsonNode parent, String name, String path) {
        JsonNode v = present(parent, name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(path, "a string", v);
        }
        return v.textValue();
    }

    /** An integer; a float with no fraction (e.g. {@code 12.0}) counts as one. */
    static @Nullable Long integer(JsonNode parent, String name, String path) {
        JsonNode v = present(parent, name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || !v.canConvertToExactIntegral()) {
            throw wrongType(path, "an integer", v);
        }
        if (!v.canConvertToLong()) {
            throw new ShapeException(path, "integer out of range");
        }
        return v.longValue();
    }

    static @Nullable Double number(JsonNode parent, String name, String path) {
        JsonNode v = present(parent, name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(path, "a number", v);
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new ShapeException(path, "number out of range");
        }
        return d;
    }

    static @Nullable JsonNode object(JsonNode parent, String name, String path) {
        JsonNode v = present(parent, name);
        if (v != null && !v.isObject()) {
            throw wrongType(path, "an object", v);
        }
        return v;
    }

    static @Nullable JsonNode array(JsonNode parent, String name, String path) {
        JsonNode v = present(parent, name);
        if (v != null && !v.isArray()) {
            throw wrongType(path, "an array", v);
        }
        return v;
    }

    static ShapeException wrongType(String path, String expected, JsonNode actual) {
        // Only the JSON type, never the value: it might be large or echo something secret.
        return new ShapeException(path, "expected " + expected + ", got " + kind(actual));
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
