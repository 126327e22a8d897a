package dev.dualpath.adapter.core;

import org.jspecify.annotations.Nullable;

/**
 * {@link ReasoningExtractor}'s rule applied to content that arrives in pieces: a leading {@code
 * <think>…</think>} block (after optional whitespace) goes to reasoning, stripped; the rest, its
 * leading whitespace stripped, is content. Text that may still turn out to be part of the opening
 * tag, the closing tag, or whitespace to strip is held back until the next piece says what it is.
 * One per choice of one stream; not thread-safe.
 *
 * <p>When the provider sends its own reasoning before the content started, the content is left
 * untouched, as in the non-streaming response. A block that never closes has been reported as
 * reasoning by the time that is known; the assembled response decides from the whole text.
 */
final class ThinkSplitter {

    /** What one piece of content became: either part may be null. */
    record Split(@Nullable String content, @Nullable String reasoning) {
        static final Split NONE = new Split(null, null);
    }

    private enum State {
        /** Before the first non-whitespace text: a {@code <think>} may still come. */
        START,
        /** Inside the block: reasoning, until {@code </think>}. */
        INSIDE,
        /** After the block: whitespace is stripped until the first other character. */
        AFTER,
        /** No block, or it ended: everything is content. */
        PLAIN
    }

    private State state = State.START;
    private final StringBuilder held = new StringBuilder();
    private boolean reasoningStarted;

    /**
     * Routes one content delta.
     *
     * @param content the next content delta, or null
     * @param providerReasoning whether this delta also carries reasoning of the provider's own
     * @return what to deliver for it
     */
    Split accept(@Nullable String content, boolean providerReasoning) {
        if (providerReasoning && state == State.START) {
            state = State.PLAIN;
            return content == null ? flushAsContent() : new Split(flushed() + content, null);
        }
        if (content == null || content.isEmpty()) {
            return state == State.PLAIN && content != null ? new Split(content, null) : Split.NONE;
        }
        return switch (state) {
            case PLAIN -> new Split(content, null);
            case AFTER -> after(content);
            case INSIDE -> {
                held.append(content);
                yield inside();
            }
            case START -> {
                held.append(content);
                yield start();
            }
        };
    }

    /** The end of the stream: whatever is held back is delivered as what it was taken for. */
    Split finish() {
        return switch (state) {
            case START -> flushAsContent();
            case INSIDE -> held.length() == 0 ? Split.NONE : new Split(null, flushed());
            case AFTER, PLAIN -> Split.NONE;
        };
    }

    private Split start() {
        int first = ReasoningExtractor.firstNonWhitespace(held, 0);
        int rest = held.length() - first;
        String open = ReasoningExtractor.OPEN;
        if (rest < open.length()) {
            // Could still be "<think>" arriving in pieces (or only whitespace so far): wait.
            if (open.startsWith(held.substring(first))) {
                return Split.NONE;
            }
            state = State.PLAIN;
            return flushAsContent();
        }
        if (!held.substring(first, first + open.length()).equals(open)) {
            state = State.PLAIN;
            return flushAsContent();
        }
        held.delete(0, first + open.length());
        state = State.INSIDE;
        return inside();
    }

    private Split inside() {
        String close = ReasoningExtractor.CLOSE;
        int end = held.indexOf(close);
        if (end >= 0) {
            String reasoning = reasoningPiece(held.substring(0, trimEnd(held, end)));
            String after = held.substring(end + close.length());
            held.setLength(0);
            state = State.AFTER;
            Split rest = after.isEmpty() ? Split.NONE : after(after);
            return new Split(rest.content(), reasoning);
        }
        // Keep back a tail that may begin "</think>", and the whitespace before it.
        int keep = held.length() - longestSuffixPrefixOf(held, close);
        keep = trimEnd(held, keep);
        String reasoning = reasoningPiece(held.substring(0, keep));
        held.delete(0, keep);
        return new Split(null, reasoning);
    }

    /**
     * Reasoning text to deliver, its leading whitespace dropped until the first other character.
     */
    private @Nullable String reasoningPiece(String text) {
        String t = text;
        if (!reasoningStarted) {
            t = t.substring(ReasoningExtractor.firstNonWhitespace(t, 0));
            reasoningStarted = !t.isEmpty();
        }
        return t.isEmpty() ? null : t;
    }

    private Split after(String content) {
        String rest = content.substring(ReasoningExtractor.firstNonWhitespace(content, 0));
        if (rest.isEmpty()) {
            return Split.NONE;
        }
        state = State.PLAIN;
        return new Split(rest, null);
    }

    private Split flushAsContent() {
        return held.length() == 0 ? Split.NONE : new Split(flushed(), null);
    }

    private String flushed() {
        String s = held.toString();
        held.setLength(0);
        return s;
    }

    /** {@code end} moved back over whitespace, so that trailing whitespace is held, not sent. */
    private static int trimEnd(CharSequence s, int end) {
        int i = end;
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The length of the longest suffix of {@code s} that is a proper prefix of {@code tag}. */
    private static int longestSuffixPrefixOf(CharSequence s, String tag) {
        for (int n = Math.min(tag.length() - 1, s.length()); n > 0; n--) {
            boolean match = true;
            for (int i = 0; i < n && match; i++) {
                match = s.charAt(s.length() - n + i) == tag.charAt(i);
            }
            if (match) {
                return n;
            }
        }
        return 0;
    }
}
