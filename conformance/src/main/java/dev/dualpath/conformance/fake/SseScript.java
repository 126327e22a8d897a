package dev.dualpath.conformance.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A streamed body: server-sent events written one by one, each after {@code gap}, with {@code
 * Transfer-Encoding: chunked}. Every event is written as given (its {@code data:} lines, blank
 * line, comments, line ends — so a script can send CRLF, a BOM or a malformed event), split into
 * HTTP chunks of {@code chunkBytes} bytes each (0 for one chunk per event; 1 splits every UTF-8
 * character across network writes), each flushed. Played by the raw-socket server; after the events
 * the message ends, unless the attempt's fault stalls or resets it there.
 *
 * @param events the events' bytes, in order; not copied
 * @param gap the pause before each event, counted from the headers on a fixed schedule (event k is
 *     due k × gap after the headers, so slow writes do not add up); ≥ 0
 * @param chunkBytes bytes per HTTP chunk, or 0 for a whole event per chunk; ≥ 0
 */
public record SseScript(List<byte[]> events, Duration gap, int chunkBytes) {

    /**
     * @throws InvalidFieldException naming {@code events}, {@code gapMs} or {@code chunkBytes}
     */
    public SseScript {
        if (events == null || events.isEmpty()) {
            throw new InvalidFieldException("events", "must hold at least one event");
        }
        events = List.copyOf(events);
        if (gap == null || gap.isNegative()) {
            throw new InvalidFieldException("gapMs", "must be >= 0, was " + gap);
        }
        if (chunkBytes < 0) {
            throw new InvalidFieldException("chunkBytes", "must be >= 0, was " + chunkBytes);
        }
    }

    /** {@code count} copies of one event, {@code gap} apart, one HTTP chunk each. */
    public static SseScript paced(List<byte[]> events, Duration gap) {
        return new SseScript(events, gap, 0);
    }

    /** The whole stream as one byte array, as a client reads it once de-chunked. */
    public byte[] bytes() {
        int n = events.stream().mapToInt(e -> e.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] e : events) {
            System.arraycopy(e, 0, out, at, e.length);
            at += e.length;
        }
        return out;
    }

    /** The pieces event {@code e} is written in: one, or {@code chunkBytes} bytes each. */
    List<byte[]> pieces(byte[] event) {
        if (chunkBytes == 0 || event.length <= chunkBytes) {
            return List.of(event);
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < event.length; i += chunkBytes) {
            byte[] piece = new byte[Math.min(chunkBytes, event.length - i)];
            System.arraycopy(event, i, piece, 0, piece.length);
            out.add(piece);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SseScript s) || chunkBytes != s.chunkBytes || !gap.equals(s.gap)) {
            return false;
        }
        if (events.size() != s.events.size()) {
            return false;
        }
        for (int i = 0; i < events.size(); i++) {
            if (!java.util.Arrays.equals(events.get(i), s.events.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(gap, chunkBytes);
        for (byte[] e : events) {
            h = 31 * h + java.util.Arrays.hashCode(e);
        }
        return h;
    }

    /** Counts and sizes, not the bytes. */
    @Override
    public String toString() {
        return "SseScript["
                + events.size()
                + " events, "
                + bytes().length
                + " bytes, gap="
                + gap.toMillis()
                + " ms, chunkBytes="
                + chunkBytes
                + "]";
    }
}
