package dev.dualpath.adapter.core;

import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the usual request body — no {@code extraBody} — straight into an array of exactly its
 * size, in two passes (measure, then write), with no generator, no buffer and no copy: on every
 * call's path, a Jackson generator and its buffers cost about three times the body itself.
 *
 * <p>The bytes are Jackson's, byte for byte (a property test holds the two together): the same
 * fields in the same order; strings escaped as Jackson escapes them by default ({@code \"}, {@code
 * \\}, {@code \b \t \n \f \r}, other control characters as a six-character u00XX escape in upper
 * case, everything else as UTF-8); numbers as {@link Integer#toString}, {@link Long#toString} and
 * {@link Double#toString}. A string Jackson would refuse (a lone surrogate) is not written here:
 * {@link #write} returns null and the generator fails the way it always has.
 */
final class PlainBodyWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private PlainBodyWriter() {}

    /**
     * The body of {@code r}, which has no {@code extraBody}; null when a string in it holds a lone
     * surrogate.
     *
     * @param temperature {@code r.temperature()}, already checked finite, or null
     * @param topP {@code r.topP()}, already checked finite, or null
     */
    static byte[] write(ChatRequest r, Double temperature, Double topP) {
        String temperatureText = temperature == null ? null : Double.toString(temperature);
        String topPText = topP == null ? null : Double.toString(topP);
        int size = new Measure().body(r, temperatureText, topPText);
        if (size < 0) {
            return null;
        }
        Write w = new Write(size);
        w.body(r, temperatureText, topPText);
        return w.out;
    }

    /** The body, field by field, for either pass. */
    private abstract static class Pass {

        /**
         * @return the size written or measured, or -1 on a lone surrogate
         */
        final int body(ChatRequest r, String temperature, String topP) {
            literal("{\"model\":");
            string(r.model());
            literal(",\"messages\":[");
            List<ChatMessage> messages = r.messages();
            for (int i = 0; i < messages.size(); i++) {
                literal(i == 0 ? "{\"role\":" : ",{\"role\":");
                string(messages.get(i).role());
                literal(",\"content\":");
                string(messages.get(i).content());
                literal("}");
            }
            literal("]");
            if (r.maxCompletionTokens() != null) {
                literal(",\"max_completion_tokens\":");
                literal(Integer.toString(r.maxCompletionTokens()));
            }
            if (temperature != null) {
                literal(",\"temperature\":");
                literal(temperature);
            }
            if (topP != null) {
                literal(",\"top_p\":");
                literal(topP);
            }
            if (r.seed() != null) {
                literal(",\"seed\":");
                literal(Long.toString(r.seed()));
            }
            if (r.stop() != null) {
                literal(",\"stop\":[");
                for (int i = 0; i < r.stop().size(); i++) {
                    if (i > 0) {
                        literal(",");
                    }
                    string(r.stop().get(i));
                }
                literal("]");
            }
            if (r.n() != null) {
                literal(",\"n\":");
                literal(Integer.toString(r.n()));
            }
            if (r.reasoningEffort() != null) {
                literal(",\"reasoning_effort\":");
                string(r.reasoningEffort());
            }
            if (r.reasoningFormat() != null) {
                literal(",\"reasoning_format\":");
                string(r.reasoningFormat());
            }
            literal("}");
            return result();
        }

        /** ASCII with nothing to escape. */
        abstract void literal(String ascii);

        /** A quoted, escaped string. */
        final void string(String s) {
            quote();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    ascii(c);
                } else if (c < 0x800) {
                    utf8(2, c);
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    utf8(4, Character.toCodePoint(c, s.charAt(++i)));
                } else if (Character.isSurrogate(c)) {
                    loneSurrogate();
                    return;
                } else {
                    utf8(3, c);
                }
            }
            quote();
        }

        abstract void quote();

        /** One ASCII char, escaped as Jackson escapes it. */
        abstract void ascii(char c);

        /** A code point as {@code bytes} UTF-8 bytes. */
        abstract void utf8(int bytes, int codePoint);

        abstract void loneSurrogate();

        abstract int result();
    }

    /** The first pass: counts bytes. */
    private static final class Measure extends Pass {
        private int size;
        private boolean failed;

        @Override
        void literal(String ascii) {
            size += ascii.length();
        }

        @Override
        void quote() {
            size++;
        }

        @Override
        void ascii(char c) {
            size += c >= 0x20 ? (c == '"' || c == '\\' ? 2 : 1) : shortEscape(c) != 0 ? 2 : 6;
        }

        @Override
        void utf8(int bytes, int codePoint) {
            size += bytes;
        }

        @Override
        void loneSurrogate() {
            failed = true;
        }

        @Override
        int result() {
            return failed ? -1 : size;
        }
    }

    /** The second pass: writes into an array of the measured size. */
    private static final class Write extends Pass {
        private final byte[] out;
        private int at;

        Write(int size) {
            this.out = new byte[size];
        }

        @Override
        void literal(String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                out[at++] = (byte) ascii.charAt(i);
            }
        }

        @Override
        void quote() {
            out[at++] = '"';
        }

        @Override
        void ascii(char c) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                out[at++] = (byte) c;
                return;
            }
            out[at++] = '\\';
            char e = c >= 0x20 ? c : shortEscape(c);
            if (e != 0) {
                out[at++] = (byte) e;
            } else {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xF];
            }
        }

        @Override
        void utf8(int bytes, int cp) {
            if (bytes == 2) {
                out[at++] = (byte) (0xC0 | (cp >> 6));
            } else if (bytes == 3) {
                out[at++] = (byte) (0xE0 | (cp >> 12));
                out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            } else {
                out[at++] = (byte) (0xF0 | (cp >> 18));
                out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            }
            out[at++] = (byte) (0x80 | (cp & 0x3F));
        }

        @Override
        void loneSurrogate() {
            throw new IllegalStateException("measured a lone surrogate the first pass did not");
        }

        @Override
        int result() {
            return at;
        }
    }

    /** The two-character escape of a control character, or 0 for a six-character u00XX escape. */
    private static char shortEscape(char c) {
        return switch (c) {
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
    }
}
