package dev.dualpath.adapter.secret;

import org.jspecify.annotations.Nullable;

/**
 * An API key. It is sent as a bearer token and nowhere else: {@link #toString()} masks it, and
 * {@link #redact(String)} removes it from any text that might echo it back.
 *
 * @param value the secret; never blank
 */
public record ApiKey(String value) {

    private static final String MASK = "***";

    /**
     * @throws IllegalArgumentException if the key is null or blank (the message never holds the
     *     key)
     */
    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
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

    @Override
    public String toString() {
        return "ApiKey[" + MASK + "]";
    }
}
