package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The WHATWG event-stream rules, one by one, and their independence from how bytes are split. */
class SseParserTest {

    /** One dispatched event, as text. */
    record Event(String type, String data) {}

    private static List<Event> parse(String text) {
        return parseBytes(text.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    private static List<Event> parseBytes(byte[] bytes, int pieceSize) {
        List<Event> out = new ArrayList<>();
        SseParser parser =
                new SseParser(
                        (type, data, length) ->
                                out.add(
                                        new Event(
                                                type,
                                                new String(
                                                        data, 0, length, StandardCharsets.UTF_8))));
        for (int i = 0; i < bytes.length; i += pieceSize) {
            int n = Math.min(pieceSize, bytes.length - i);
            // Alternate heap and direct buffers: both paths of feed(ByteBuffer).
            ByteBuffer piece =
                    (i / pieceSize) % 2 == 0
                            ? ByteBuffer.wrap(bytes, i, n)
                            : ByteBuffer.allocateDirect(n).put(bytes, i, n).flip();
            parser.feed(piece);
            assertThat(piece.hasRemaining()).isFalse();
        }
        return out;
    }

    @Test
    void dataLinesAreJoinedWithLineFeeds_theLastRemoved() {
        assertThat(parse("data: a\ndata: b\n\n")).containsExactly(new Event(null, "a\nb"));
    }

    @Test
    void lineEndsMayBeLfCrOrCrLf_mixed() {
        assertThat(parse("data: a\r\n\r\ndata: b\r\rdata: c\n\n"))
                .containsExactly(new Event(null, "a"), new Event(null, "b"), new Event(null, "c"));
    }

    @Test
    void crLfSplitAcrossPieces_isOneLineEnd() {
        byte[] bytes = "data: a\r\n\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= bytes.length; size++) {
            assertThat(parseBytes(bytes, size))
                    .as("pieces of %d bytes", size)
                    .containsExactly(new Event(null, "a"), new Event(null, "b"));
        }
    }

    @Test
    void commentsAreIgnored_andDoNotDispatch() {
        assertThat(parse(": ping\n\n:another\ndata: x\n: inside\n\n"))
                .containsExactly(new Event(null, "x"));
    }

    @Test
    void eventTypeApplies_toItsEventOnly() {
        assertThat(parse("event: error\ndata: {}\n\ndata: y\n\n"))
                .containsExactly(new Event("error", "{}"), new Event(null, "y"));
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothing_andResetsTheType() {
        assertThat(parse("event: x\n\ndata: y\n\n")).containsExactly(new Event(null, "y"));
    }

    @Test
    void onlyOneLeadingSpaceIsRemoved_andAFieldWithoutColonHasAnEmptyValue() {
        assertThat(parse("data:  two\n\ndata:none\n\ndata\n\n"))
                .containsExactly(
                        new Event(null, " two"), new Event(null, "none"), new Event(null, ""));
    }

    @Test
    void idIsKept_unlessItHoldsNul_andRetryAndUnknownFieldsAreIgnored() {
        List<Event> out = new ArrayList<>();
        SseParser parser = new SseParser((t, d, n) -> out.add(new Event(t, "")));
        parser.feed(ByteBuffer.wrap("id: 7\nretry: 10\nfoo: bar\ndata: x\n\n".getBytes()));
        assertThat(parser.lastEventId()).isEqualTo("7");
        parser.feed(ByteBuffer.wrap("id: a\0b\ndata: y\n\n".getBytes()));
        assertThat(parser.lastEventId()).isEqualTo("7");
        assertThat(out).hasSize(2);
    }

    @Test
    void aLeadingBomIsSkipped_evenSplitByteByByte_butOnlyAtTheStart() {
        byte[] withBom = ("\uFEFFdata: a\n\ndata: \uFEFFb\n\n").getBytes(StandardCharsets.UTF_8);
        assertThat(parseBytes(withBom, 1))
                .containsExactly(new Event(null, "a"), new Event(null, "\uFEFFb"));
    }

    @Test
    void aPartialBomIsContent_notSkipped() {
        byte[] partial = {(byte) 0xEF, (byte) 0xBB, 'd', 'a', 't', 'a', ':', 'y', '\n', '\n'};
        // The two bytes stay in front of the field name, which then is not "data".
        assertThat(parseBytes(partial, 1)).isEmpty();
        byte[] whole = {
            (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'd', 'a', 't', 'a', ':', 'y', '\n', '\n'
        };
        assertThat(parseBytes(whole, 1)).containsExactly(new Event(null, "y"));
    }

    @Test
    void anEventWithoutItsBlankLine_isIncomplete_andNotDispatched() {
        List<Event> out = new ArrayList<>();
        SseParser parser = new SseParser((t, d, n) -> out.add(new Event(t, "")));
        parser.feed(ByteBuffer.wrap("data: [DONE]\n".getBytes()));
        assertThat(out).isEmpty();
        assertThat(parser.hasIncompleteEvent()).isTrue();
        parser.feed(ByteBuffer.wrap("\n".getBytes()));
        assertThat(out).hasSize(1);
        assertThat(parser.hasIncompleteEvent()).isFalse();
    }

    @Test
    void multibyteCharactersSplitAcrossPieces_areDecodedWhole() {
        String text = "data: h\u00e9llo \u4e2d\u6587 \ud83d\ude00\n\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= 5; size++) {
            assertThat(parseBytes(bytes, size))
                    .containsExactly(new Event(null, "h\u00e9llo \u4e2d\u6587 \ud83d\ude00"));
        }
    }

    @Property(tries = 200)
    void theEventsDoNotDependOnHowTheBytesAreSplit(@ForAll @IntRange(min = 1, max = 64) int size) {
        String text =
                "\uFEFF: hello\r\nevent: message\r\ndata: {\"a\":\"\u00e9\ud83d\ude00\"}\r\n\r\n"
                        + "data: x\rdata: y\r\r:c\nid: 3\ndata: [DONE]\n\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(parseBytes(bytes, size)).isEqualTo(parseBytes(bytes, Integer.MAX_VALUE));
    }
}
