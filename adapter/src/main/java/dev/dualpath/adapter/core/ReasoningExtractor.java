package dev.dualpath.adapter.core;

import org.jspecify.annotations.Nullable;

/**
 * Separates reasoning from an answer. With {@code reasoning_format=parsed} the provider already did
 * ({@code message.reasoning}); with {@code raw}, GLM/Qwen models put a {@code <think>…</think>}
 * block at the start of {@code content}.
 */
final class ReasoningExtractor {

    static final String OPEN = "<think>";
    static final String CLOSE = "</think>";

    private ReasoningExtractor() {}

    /** The content to report and the reasoning; either may be null. */
    record Split(@Nullable String content, @Nullable String reasoning) {}

    /**
     * Returns {@code reasoning} and the content untouched when the provider sent reasoning; else,
     * when the content starts (after optional whitespace) with {@code <think>} and has a {@code
     * </think>}, the inner text stripped as reasoning and the rest, leading whitespace stripped, as
     * content; else the content untouched and null reasoning.
     *
     * @param content {@code message.content}, or null
     * @param reasoning {@code message.reasoning}, or null
     */
    static Split split(@Nullable String content, @Nullable String reasoning) {
        if (reasoning != null || content == null) {
            return new Split(content, reasoning);
        }
        int start = firstNonWhitespace(content);
        // startsWith with an offset: no copy of a content that may be megabytes long.
        if (!content.startsWith(OPEN, start)) {
            return new Split(content, null);
        }
        int innerStart = start + OPEN.length();
        int close = content.indexOf(CLOSE, innerStart);
        if (close < 0) {
            return new Split(content, null);
        }
        String inner = content.substring(innerStart, close).strip();
        String rest = content.substring(firstNonWhitespace(content, close + CLOSE.length()));
        return new Split(rest, inner);
    }

    private static int firstNonWhitespace(String s) {
        return firstNonWhitespace(s, 0);
    }

    /** The index of the first non-whitespace code point of {@code s} at or after {@code from}. */
    static int firstNonWhitespace(CharSequence s, int from) {
        int i = from;
        while (i < s.length()) {
            int cp = Character.codePointAt(s, i);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }
}
