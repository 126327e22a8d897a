package dev.dualpath.adapter.core;

import static dev.dualpath.adapter.core.StreamValues.GIVE_UP;

import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;

/**
 * A strict, allocation-free JSON token reader over UTF-8 bytes, for {@link SuccessBodyStream}: the
 * few {@code JsonParser} calls that reader makes, without a parser object, its context chain and
 * its buffers (about 800 bytes a body, a third of what reading a success body allocated). Strings
 * become {@code String}s only when asked for; field names are matched against the names the reader
 * looks for and never allocated.
 *
 * <p>It reads strict JSON (RFC 8259) and nothing else, and throws {@link StreamValues#GIVE_UP} on
 * anything it is not sure Jackson reads the same way, so that the tree reader, the authority,
 * decides: bytes that are not strictly valid UTF-8, control characters, escapes other than the
 * standard ones, an escaped field name, numbers longer than 100 characters or integers beyond 18
 * digits, nesting deeper than {@value #MAX_DEPTH}, a byte-order mark, anything after the root
 * value. On what it accepts it yields what Jackson yields: the same tokens, the same strings
 * (escapes decoded, lone surrogates from {@code \\u} escapes kept), integers as {@code long}, and
 * floats through {@link Double#parseDouble}, as Jackson parses them by default.
 *
 * <p>Not thread-safe; one per body.
 */
final class JsonBytes {

    /** Deeper bodies are left to the tree reader (Jackson's own limit is higher). */
    static final int MAX_DEPTH = 64;

    /** Longer numbers are left to the tree reader (Jackson's own limit is 1,000 characters). */
    private static final int MAX_NUMBER_CHARS = 100;

    /** Longer field names are left to the tree reader. */
    private static final int MAX_NAME_BYTES = 1_000;

    /** What {@link #nextFieldName()} returns for a name the reader does not look for. */
    static final String OTHER_NAME = "\u0000other";

    /**
     * The names {@link SuccessBodyStream} looks for, by length; anything else is {@link
     * #OTHER_NAME}.
     */
    private static final String[][] KNOWN =
            byLength(
                    "id",
                    "model",
                    "system_fingerprint",
                    "service_tier",
                    "created",
                    "choices",
                    "usage",
                    "time_info",
                    "error",
                    "index",
                    "finish_reason",
                    "message",
                    "role",
                    "content",
                    "reasoning",
                    "tool_calls",
                    "type",
                    "function",
                    "name",
                    "arguments",
                    "prompt_tokens",
                    "completion_tokens",
                    "total_tokens",
                    "prompt_tokens_details",
                    "completion_tokens_details",
                    "cached_tokens",
                    "reasoning_tokens",
                    "queue_time",
                    "prompt_time",
                    "completion_time",
                    "total_time");

    /** Values returned as these constants rather than new strings, e.g. a choice's role. */
    private static final String[][] COMMON_VALUES =
            byLength("assistant", "stop", "length", "tool_calls", "content_filter", "function");

    private static final byte OBJECT = 1;
    private static final byte ARRAY = 2;

    // What the next token may be.
    private static final int ROOT = 0; // the root value
    private static final int DONE = 1; // nothing but whitespace
    private static final int OBJECT_FIRST = 2; // after '{': a name or '}'
    private static final int OBJECT_NAME = 3; // after ',': a name
    private static final int OBJECT_VALUE = 4; // after a name's ':': a value
    private static final int ARRAY_FIRST = 5; // after '[': a value or ']'
    private static final int ARRAY_VALUE = 6; // after ',': a value
    private static final int AFTER_VALUE = 7; // ',' or the container's end

    private final byte[] in;

    /** Bit d set: the container at depth d is an object, else an array. */
    private long objects;

    private int depth;
    private int pos;
    private int state = ROOT;

    private JsonToken current;
    private String fieldName;
    private int start;
    private int end;
    private boolean escaped;
    private boolean ascii;
    private boolean integral;

    JsonBytes(byte[] in) {
        this.in = in;
    }

    /** The next token, or null after the root value and trailing whitespace. */
    JsonToken nextToken() {
        skipWhitespace();
        JsonToken next =
                switch (state) {
                    case ROOT, OBJECT_VALUE, ARRAY_VALUE -> value();
                    case DONE -> {
                        if (pos < in.length) {
                            throw GIVE_UP; // trailing content
                        }
                        yield null;
                    }
                    case OBJECT_FIRST -> at('}') ? close() : name();
                    case OBJECT_NAME -> name();
                    case ARRAY_FIRST -> at(']') ? close() : value();
                    default -> afterComma(); // AFTER_VALUE
                };
        current = next;
        return next;
    }

    /** After a value inside a container: its end, or a comma and the next token. */
    private JsonToken afterComma() {
        boolean inObject = isObject(depth - 1);
        if (at(inObject ? '}' : ']')) {
            return close();
        }
        if (!at(',')) {
            throw GIVE_UP;
        }
        pos++;
        state = inObject ? OBJECT_NAME : ARRAY_VALUE;
        return nextToken();
    }

    private boolean at(char c) {
        return pos < in.length && in[pos] == c;
    }

    private boolean isObject(int level) {
        return (objects & (1L << level)) != 0;
    }

    private JsonToken close() {
        pos++;
        boolean object = isObject(--depth);
        afterValue();
        return object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    /**
     * Jackson's {@code nextFieldName()}: the next token's name if it is a field name, else null.
     */
    String nextFieldName() {
        return nextToken() == JsonToken.FIELD_NAME ? fieldName : null;
    }

    /** The current string value as a new string (a common value as its constant). */
    String getText() {
        if (current != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        if (!escaped) {
            if (ascii) {
                String common = match(COMMON_VALUES, start, end);
                if (common != null) {
                    return common;
                }
                return new String(in, start, end - start, StandardCharsets.ISO_8859_1);
            }
            return new String(in, start, end - start, StandardCharsets.UTF_8);
        }
        return unescape();
    }

    /** {@code INT} or {@code LONG} for an integer token (the only kinds read here). */
    NumberType getNumberType() {
        if (current != JsonToken.VALUE_NUMBER_INT) {
            throw GIVE_UP;
        }
        long v = getLongValue();
        return v == (int) v ? NumberType.INT : NumberType.LONG;
    }

    long getLongValue() {
        if (current != JsonToken.VALUE_NUMBER_INT) {
            throw GIVE_UP;
        }
        int i = start;
        boolean negative = in[i] == '-';
        if (negative) {
            i++;
        }
        long v = 0;
        for (; i < end; i++) {
            v = v * 10 + (in[i] - '0'); // at most 18 digits: never overflows
        }
        return negative ? -v : v;
    }

    /**
     * An integer's value as a double, or a float parsed as Jackson parses it by default ({@link
     * Double#parseDouble}, correctly rounded). Most floats take Clinger's exact path: at most 15
     * significant digits (below 2<sup>53</sup>) and a power of ten up to 22 are both exact doubles,
     * so one multiplication or division rounds correctly, with no string made; any other goes
     * through {@link Double#parseDouble}.
     */
    double getDoubleValue() {
        if (current == JsonToken.VALUE_NUMBER_INT) {
            return getLongValue();
        }
        if (current != JsonToken.VALUE_NUMBER_FLOAT) {
            throw GIVE_UP;
        }
        double exact = exactDouble();
        if (!Double.isNaN(exact)) {
            return exact;
        }
        return Double.parseDouble(new String(in, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    /** The current float by Clinger's exact path, or NaN when it does not apply. */
    private double exactDouble() {
        int i = start;
        boolean negative = in[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            byte c = in[i];
            if (c == '.') {
                fraction = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                if (mantissa != 0 || c != '0') {
                    if (++significant > 15) {
                        return Double.NaN;
                    }
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction) {
                    exponent--;
                }
            }
        }
        if (i < end) {
            i++; // 'e' or 'E'
            boolean negativeExponent = in[i] == '-';
            if (in[i] == '-' || in[i] == '+') {
                i++;
            }
            if (end - i > 3) {
                return Double.NaN;
            }
            int e = 0;
            for (; i < end; i++) {
                e = e * 10 + (in[i] - '0');
            }
            exponent += negativeExponent ? -e : e;
        }
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (exponent >= 0 && exponent < POWERS_OF_TEN.length) {
            value = mantissa * POWERS_OF_TEN[exponent];
        } else if (exponent < 0 && -exponent < POWERS_OF_TEN.length) {
            value = mantissa / POWERS_OF_TEN[-exponent];
        } else {
            return Double.NaN;
        }
        return negative ? -value : value;
    }

    // --- scanning ---

    private JsonToken value() {
        if (pos >= in.length) {
            throw GIVE_UP;
        }
        byte c = in[pos];
        return switch (c) {
            case '{' -> open(OBJECT, JsonToken.START_OBJECT);
            case '[' -> open(ARRAY, JsonToken.START_ARRAY);
            case '"' -> {
                string();
                afterValue();
                yield JsonToken.VALUE_STRING;
            }
            case 't' -> {
                literal("true");
                yield JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                literal("false");
                yield JsonToken.VALUE_FALSE;
            }
            case 'n' -> {
                literal("null");
                yield JsonToken.VALUE_NULL;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                    afterValue();
                    yield integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
                }
                throw GIVE_UP;
            }
        };
    }

    private JsonToken open(byte kind, JsonToken token) {
        if (depth == MAX_DEPTH) {
            throw GIVE_UP;
        }
        if (kind == OBJECT) {
            objects |= 1L << depth;
        } else {
            objects &= ~(1L << depth);
        }
        depth++;
        pos++;
        state = kind == OBJECT ? OBJECT_FIRST : ARRAY_FIRST;
        return token;
    }

    /** After a complete value: the root is done, or its container expects ',' or its end. */
    private void afterValue() {
        state = depth == 0 ? DONE : AFTER_VALUE;
    }

    private void literal(String word) {
        int n = word.length();
        if (pos + n > in.length) {
            throw GIVE_UP;
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw GIVE_UP;
            }
        }
        pos += n;
        requireDelimiter();
        afterValue();
    }

    /** What may follow a number or a literal: whitespace, a comma, a closing bracket, the end. */
    private void requireDelimiter() {
        if (pos < in.length) {
            byte c = in[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != '}'
                    && c != ']') {
                throw GIVE_UP;
            }
        }
    }

    private void number() {
        start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        int intDigits = digits();
        if (intDigits == 0 || (intDigits > 1 && in[pos - intDigits] == '0')) {
            throw GIVE_UP; // no digit, or a leading zero
        }
        integral = true;
        if (pos < in.length && in[pos] == '.') {
            pos++;
            if (digits() == 0) {
                throw GIVE_UP;
            }
            integral = false;
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw GIVE_UP;
            }
            integral = false;
        }
        end = pos;
        if (end - start > MAX_NUMBER_CHARS || (integral && intDigits > 18)) {
            throw GIVE_UP;
        }
        requireDelimiter();
    }

    private int digits() {
        int from = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos - from;
    }

    /** A string value: bounds, and whether it has escapes or non-ASCII bytes; all validated. */
    private void string() {
        pos++; // the opening quote
        start = pos;
        escaped = false;
        ascii = true;
        while (true) {
            if (pos >= in.length) {
                throw GIVE_UP;
            }
            int c = in[pos] & 0xFF;
            if (c == '"') {
                end = pos++;
                return;
            }
            if (c == '\\') {
                escaped = true;
                pos = escapeEnd(pos);
            } else if (c < 0x20) {
                throw GIVE_UP;
            } else if (c < 0x80) {
                pos++;
            } else {
                ascii = false;
                pos = utf8End(pos);
            }
        }
    }

    /**
     * A field name and its colon, matched against the known names; escaped names are left to the
     * tree.
     */
    private JsonToken name() {
        if (!at('"')) {
            throw GIVE_UP;
        }
        string();
        if (escaped || end - start > MAX_NAME_BYTES) {
            throw GIVE_UP;
        }
        String known = ascii ? match(KNOWN, start, end) : null;
        fieldName = known != null ? known : OTHER_NAME;
        skipWhitespace();
        if (!at(':')) {
            throw GIVE_UP;
        }
        pos++;
        state = OBJECT_VALUE;
        return JsonToken.FIELD_NAME;
    }

    /** The index after the escape starting at {@code i} (a backslash); gives up on a bad one. */
    private int escapeEnd(int i) {
        if (i + 1 >= in.length) {
            throw GIVE_UP;
        }
        return switch (in[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i + 2;
            case 'u' -> {
                if (i + 6 > in.length) {
                    throw GIVE_UP;
                }
                for (int k = i + 2; k < i + 6; k++) {
                    hex(in[k]);
                }
                yield i + 6;
            }
            default -> throw GIVE_UP;
        };
    }

    /**
     * The index after the UTF-8 sequence starting at {@code i}; gives up unless it is strictly
     * valid (no overlong form, no surrogate, at most U+10FFFF).
     */
    private int utf8End(int i) {
        int b0 = in[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            throw GIVE_UP;
        }
        if (i + n > in.length) {
            throw GIVE_UP;
        }
        int b1 = in[i + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            throw GIVE_UP;
        }
        for (int k = i + 2; k < i + n; k++) {
            if ((in[k] & 0xC0) != 0x80) {
                throw GIVE_UP;
            }
        }
        return i + n;
    }

    /** The current string with its escapes decoded (its UTF-8 already validated). */
    private String unescape() {
        char[] out = new char[end - start];
        int n = 0;
        int i = start;
        while (i < end) {
            int c = in[i] & 0xFF;
            if (c == '\\') {
                char e = (char) in[i + 1];
                if (e == 'u') {
                    out[n++] =
                            (char)
                                    (hex(in[i + 2]) << 12
                                            | hex(in[i + 3]) << 8
                                            | hex(in[i + 4]) << 4
                                            | hex(in[i + 5]));
                    i += 6;
                } else {
                    out[n++] = unescaped(e);
                    i += 2;
                }
            } else if (c < 0x80) {
                out[n++] = (char) c;
                i++;
            } else {
                int len = utf8End(i) - i;
                int cp = c & (0xFF >> (len + 1));
                for (int k = 1; k < len; k++) {
                    cp = cp << 6 | (in[i + k] & 0x3F);
                }
                n += Character.toChars(cp, out, n);
                i += len;
            }
        }
        return new String(out, 0, n);
    }

    private static char unescaped(char e) {
        return switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> e; // '"', '\\', '/'
        };
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        throw GIVE_UP;
    }

    private void skipWhitespace() {
        while (pos < in.length) {
            byte c = in[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** The constant among {@code table} equal to the ASCII bytes [from, to), or null. */
    private String match(String[][] table, int from, int to) {
        int len = to - from;
        if (len >= table.length) {
            return null;
        }
        for (String candidate : table[len]) {
            boolean same = true;
            for (int i = 0; i < len && same; i++) {
                same = in[from + i] == candidate.charAt(i);
            }
            if (same) {
                return candidate;
            }
        }
        return null;
    }

    private static String[][] byLength(String... names) {
        int max = 0;
        for (String n : names) {
            max = Math.max(max, n.length());
        }
        String[][] table = new String[max + 1][];
        for (int len = 0; len <= max; len++) {
            final int l = len;
            table[len] =
                    java.util.Arrays.stream(names)
                            .filter(n -> n.length() == l)
                            .toArray(String[]::new);
        }
        return table;
    }
}
