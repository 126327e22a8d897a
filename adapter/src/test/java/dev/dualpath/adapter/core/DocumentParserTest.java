package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One parser, one whole document after another: what counts as a document that ended whole. */
class DocumentParserTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds {@code text}, walks its root value, and says whether it ended whole. */
    private static boolean readWhole(DocumentParser d, String text) throws Exception {
        byte[] data = utf8(text);
        JsonParser p = d.feed(data, data.length);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        // Walk to the root's end or to the end of the input, as the readers do.
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.NOT_AVAILABLE) {
                break;
            }
            depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
        }
        return d.endedWhole(data, data.length);
    }

    @Test
    void documentsOneAfterAnother_endWhole_blanksAfterThemIncluded() throws Exception {
        try (DocumentParser d = new DocumentParser()) {
            assertThat(readWhole(d, "{\"a\":1}")).isTrue();
            assertThat(readWhole(d, "{\"b\":[1,2,{\"c\":null}]} \r\n\t")).isTrue();
            assertThat(readWhole(d, "{}")).isTrue();
        }
    }

    @Test
    void theStartOfATokenAfterTheObject_isNotAWholeDocument() throws Exception {
        for (String tail : new String[] {" tr", " 1", " \"a}", " -", " {\"a\":", "x"}) {
            try (DocumentParser d = new DocumentParser()) {
                assertThat(readWhole(d, "{\"a\":1}" + tail)).as("tail '%s'", tail).isFalse();
            }
        }
    }

    @Test
    void anObjectCutShort_isNotAWholeDocument() throws Exception {
        try (DocumentParser d = new DocumentParser()) {
            assertThat(readWhole(d, "{\"a\":{\"b\":1}")).isFalse();
        }
    }

    @Test
    void aParserIsRetired_afterItsCountOfDocuments() throws Exception {
        try (DocumentParser d = new DocumentParser()) {
            for (int i = 0; i < DocumentParser.MAX_DOCUMENTS; i++) {
                assertThat(d.reusable()).isTrue();
                assertThat(readWhole(d, "{\"n\":" + i + "}")).isTrue();
            }
            assertThat(d.reusable()).isFalse();
        }
    }
}
