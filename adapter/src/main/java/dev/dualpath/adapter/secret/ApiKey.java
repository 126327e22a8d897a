package dev.dualpath.adapter.secret;

import org.jspecify.annotations.Nullable;

/**
 * An API key. It is sent as a bearer token and nowhere else: {@link #toString()} masks it, and
 * {@link #redact(String)} removes it from any text that might echo it back.
 *
 * <p>A key is checked when it is built, so that no transport ever holds one it cannot send as a
 * header value: a key read from a file often ends with a newline, which one HTTP client refuses
 * (quoting the header value, key included, in its exception) and another sends as a different key.
 * Every message of this class names the field and the rule, never the value.
 *
 * @param value the secret: printable US-ASCII (0x20–0x7E), not blank, no whitespace at either end
 */
public record ApiKey(String value) {

    private static final String MASK = "***";

    /**
     * @throws IllegalArgumentException naming the field {@code apiKey} and the rule broken (null or
     *     blank; whitespace at the start or end; a control character; a character outside US-ASCII)
     *     and the position of the first offending character, never the key
     */
    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            throw new IllegalArgumentException(
                    "apiKey must not start or end with whitespace (a trailing newline from a"
                            + " file?)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException(
                        "apiKey must not contain a control character (one at index " + i + ")");
            }
            if (c > 0x7E) {
                throw new IllegalArgumentException(
                        "apiKey must be US-ASCII (a non-ASCII character at index " + i + ")");
            }
        }
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + value;
    }

    /** {@code text} with every occurrence of the key replaced by {@code ***}; null stays null. */
    public @Nullable String redact(@Nullable String text) {
        return text == null ? null : text.replace(value, MASK);
    }

    /** Whether {@code text} holds the key; false for null. */
    public boolean occursIn(@Nullable String text) {
        return text != null && text.contains(value);
    }

    @Override
    public String toString() {
        return "ApiKey[" + MASK + "]";
    }
}
