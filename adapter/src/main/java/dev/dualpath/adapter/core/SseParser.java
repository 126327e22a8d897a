package dev.dualpath.adapter.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A server-sent events parser following the WHATWG event-stream rules, fed bytes as they arrive in
 * pieces of any size. Pure: no I/O; not thread-safe (one per stream).
 *
 * <ul>
 *   <li>A UTF-8 byte order mark at the very start is skipped, even when split across pieces.
 *   <li>Lines end with CRLF, LF or CR; a CR at the end of one piece followed by an LF at the start
 *       of the next is one line end.
 *   <li>A line starting with {@code :} is a comment and ignored. Otherwise the field name is what
 *       precedes the first {@code :} (the whole line when there is none) and the value what follows
 *       it, one leading space removed.
 *   <li>{@code data} appends its value and a line feed to the event's data; {@code event} sets the
 *       event's type; {@code id} sets the last event id unless the value holds a NUL; {@code retry}
 *       and unknown fields are ignored.
 *   <li>A blank line dispatches the event: with no data line nothing is dispatched (the type is
 *       reset); otherwise the data, its final line feed removed, goes to the {@link Listener}.
 *   <li>Bytes after the last blank line are an incomplete event; the rules say to discard it at the
 *       end of the stream, which {@link #hasIncompleteEvent()} lets a caller notice.
 * </ul>
 *
 * <p>Lines are split on bytes (CR and LF never occur inside a multibyte UTF-8 sequence) and data is
 * handed over as bytes, so a character split across network reads is never decoded in halves; only
 * {@code event} and {@code id} values are decoded, as UTF-8.
 */
public final class SseParser {

    /** Receives each dispatched event. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Receives one event.
         *
         * @param type the {@code event:} value, or null when the event set none (a "message")
         * @param data the data bytes, shared and overwritten after this call returns: read them
         *     here
         * @param length how many bytes of {@code data} are the event's
         */
        void onEvent(@Nullable String type, byte[] data, int length);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Listener listener;
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] data = new byte[256];
    private int dataLength;
    private boolean hasData;
    private @Nullable String type;
    private String lastEventId = "";
    private int bomMatched;
    private boolean bomDone;
    private boolean afterCr;
    private boolean pending;

    /**
     * A parser that hands each event to {@code listener}.
     *
     * @throws NullPointerException if listener is null
     */
    public SseParser(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Feeds the remaining bytes of {@code bytes}, consuming them. */
    public void feed(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            int start = bytes.arrayOffset() + bytes.position();
            int n = bytes.remaining();
            bytes.position(bytes.limit());
            feed(bytes.array(), start, n);
            return;
        }
        while (bytes.hasRemaining()) {
            accept(bytes.get());
        }
    }

    /** Feeds {@code length} bytes of {@code bytes} from {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i]);
        }
    }

    /** The last {@code id:} value seen (empty before any), as a client reconnecting would send. */
    public String lastEventId() {
        return lastEventId;
    }

    /**
     * Whether bytes of an event have arrived since the last dispatch or blank line: at the end of
     * the stream, that event is discarded.
     */
    public boolean hasIncompleteEvent() {
        return pending || lineLength > 0;
    }

    private void accept(byte b) {
        if (!bomDone && skipBom(b)) {
            return;
        }
        if (afterCr) {
            afterCr = false;
            if (b == LF) {
                return; // the LF of a CRLF whose CR ended the line already
            }
        }
        if (b == CR || b == LF) {
            afterCr = b == CR;
            endLine();
            return;
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    /** Whether {@code b} was part of a leading BOM (a partial BOM is replayed as content). */
    private boolean skipBom(byte b) {
        if (b == BOM[bomMatched]) {
            bomMatched++;
            if (bomMatched == BOM.length) {
                bomDone = true;
            }
            return true;
        }
        bomDone = true;
        int matched = bomMatched;
        bomMatched = 0;
        for (int i = 0; i < matched; i++) {
            accept(BOM[i]);
        }
        return false;
    }

    private void endLine() {
        int n = lineLength;
        lineLength = 0;
        if (n == 0) {
            dispatch();
            return;
        }
        pending = true;
        if (line[0] == ':') {
            return;
        }
        int colon = indexOf(line, n, (byte) ':');
        int nameEnd = colon < 0 ? n : colon;
        int valueStart = colon < 0 ? n : colon + 1;
        if (valueStart < n && line[valueStart] == ' ') {
            valueStart++;
        }
        if (is("data", nameEnd)) {
            appendData(valueStart, n);
        } else if (is("event", nameEnd)) {
            type = new String(line, valueStart, n - valueStart, StandardCharsets.UTF_8);
        } else if (is("id", nameEnd)) {
            if (indexOf(line, n, (byte) 0) < 0) {
                lastEventId = new String(line, valueStart, n - valueStart, StandardCharsets.UTF_8);
            }
        }
        // "retry" and unknown fields: nothing a chat stream needs.
    }

    private void appendData(int from, int to) {
        int n = to - from;
        int needed = dataLength + n + 1;
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, needed));
        }
        System.arraycopy(line, from, data, dataLength, n);
        dataLength += n;
        data[dataLength++] = LF;
        hasData = true;
    }

    private void dispatch() {
        pending = false;
        if (hasData) {
            String t = type;
            int n = dataLength - 1; // the final line feed is not part of the data
            hasData = false;
            dataLength = 0;
            type = null;
            listener.onEvent(t, data, n);
        } else {
            type = null;
        }
    }

    private boolean is(String name, int nameLength) {
        if (nameLength != name.length()) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (line[i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
