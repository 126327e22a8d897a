package dev.dualpath.adapter.core;

import org.jspecify.annotations.Nullable;

/** Bounds text that goes into exception messages. */
final class Messages {

    /** Longest message kept; provider bodies can be megabytes. */
    static final int MAX_MESSAGE_CHARS = 2000;

    private Messages() {}

    /**
     * {@code text} cut to at most {@code max} chars (plus a marker saying how long it was), never
     * inside a surrogate pair. Redact before bounding, or a cut key could slip through.
     */
    static @Nullable String bound(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "… (" + text.length() + " chars)";
    }
}
