package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of the current token for {@link SuccessBodyStream} and {@link ChunkFastReader}, with
 * the rules of {@link Fields}: null reads as null, and anything else that is not exactly the
 * expected type (or that the tree reader would judge by a rule not repeated here, like a float
 * index) gives up.
 */
final class StreamValues {

    private StreamValues() {}

    /** Thrown to give up; preallocated and stackless, as giving up is not exceptional here. */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super("not read by the fast path", null, false, false);
        }
    }

    // One stackless instance, thrown to leave the fast path: creating one per call would cost what
    // the fast path saves. It never reaches a caller (the tree reader takes over).
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static final GiveUp GIVE_UP = new GiveUp();

    static @Nullable String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        return p.getText();
    }

    /**
     * As {@link #text}, but returns {@code previous} itself when the string equals it, compared on
     * the parser's own characters: values that repeat on every chunk of a stream (id, model) then
     * cost no new String.
     */
    static @Nullable String textLike(JsonParser p, JsonToken t, @Nullable String previous)
            throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        if (previous != null && p.getTextLength() == previous.length()) {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int n = previous.length();
            int i = 0;
            while (i < n && chars[offset + i] == previous.charAt(i)) {
                i++;
            }
            if (i == n) {
                return previous;
            }
        }
        return p.getText();
    }

    /** An int or long token; anything else (a float, a big integer) is left to the tree reader. */
    static long integer(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw GIVE_UP;
        }
        return p.getLongValue();
    }

    static long nonNegative(long index) {
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw GIVE_UP;
        }
        return index;
    }

    static @Nullable Double number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw GIVE_UP;
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw GIVE_UP;
        }
        return d;
    }

    /**
     * Skips a value, decoding every string in it as the tree reader would (without making a
     * String), so that a body is rejected by both readers or by neither.
     */
    static void skip(JsonParser p, JsonToken t) throws IOException {
        int depth = 0;
        JsonToken token = t;
        while (true) {
            if (token == JsonToken.VALUE_STRING) {
                p.getTextCharacters();
            } else if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            if (depth == 0) {
                return;
            }
            token = p.nextToken();
            // NOT_AVAILABLE: a non-blocking parser ran out of input inside the value.
            if (token == null || token == JsonToken.NOT_AVAILABLE) {
                throw GIVE_UP;
            }
        }
    }

    /** Reads one array element, given its position in the array. */
    @FunctionalInterface
    interface Element<T> {
        T read(JsonParser p, JsonToken t, int position) throws IOException;
    }

    /**
     * An array's elements, unmodifiable. One element (the usual single choice) is a {@code
     * List.of}, which a record's own {@code List.copyOf} keeps as it is, so it is not copied again.
     */
    static <T> List<T> array(JsonParser p, JsonToken t, Element<T> element) throws IOException {
        expect(t, JsonToken.START_ARRAY);
        @Nullable T first = null;
        @Nullable List<T> more = null;
        int position = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            T item = element.read(p, e, position++);
            if (first == null) {
                first = item;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                    more.add(first);
                }
                more.add(item);
            }
        }
        return more != null ? List.copyOf(more) : first != null ? List.of(first) : List.of();
    }

    /** A tool call's {@code function} object, as read; absent and null read the same. */
    record ToolFunction(@Nullable String name, @Nullable String arguments) {
        static final ToolFunction NONE = new ToolFunction(null, null);
    }

    /** Reads a tool call's {@code function}; each occurrence replaces the last one whole. */
    static ToolFunction function(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return ToolFunction.NONE;
        }
        expect(t, JsonToken.START_OBJECT);
        String name = null;
        String arguments = null;
        for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
            JsonToken w = p.nextToken();
            switch (f) {
                case "name" -> name = text(p, w);
                case "arguments" -> arguments = text(p, w);
                default -> skip(p, w);
            }
        }
        return new ToolFunction(name, arguments);
    }

    static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw GIVE_UP;
        }
    }
}
