package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.model.ChatChunk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link ChunkFastReader} reads a whole stream with one parser: a damaged event must give up (the
 * tree reader decides), never pass as a chunk, and must not spoil the events after it.
 */
class ChunkFastReaderTest {

    private static final String CHUNK =
            "{\"id\":\"c-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},"
                    + "\"finish_reason\":null}]}";

    /** Ways to damage an event's data; {@code AS_IS} leaves it whole. */
    enum Damage {
        AS_IS {
            @Override
            String apply(String event, int cut) {
                return event;
            }
        },
        TRUNCATED {
            @Override
            String apply(String event, int cut) {
                // Any prefix that stops before the closing brace of the root object.
                return event.substring(0, cut % event.lastIndexOf('}'));
            }
        },
        TRAILING_GARBAGE {
            @Override
            String apply(String event, int cut) {
                return event + " x";
            }
        },
        TRAILING_PARTIAL_TOKEN {
            @Override
            String apply(String event, int cut) {
                // The start of a token, which a parser fed no more input waits to complete.
                List<String> starts = List.of(" tr", " 1", " \"a}", " -", " {\"a\":", "\nn");
                return event + starts.get(cut % starts.size());
            }
        },
        TRAILING_BLANKS {
            @Override
            String apply(String event, int cut) {
                return event + " \t\r\n".substring(cut % 4);
            }
        },
        TWO_VALUES {
            @Override
            String apply(String event, int cut) {
                return event + event;
            }
        },
        NOT_AN_OBJECT {
            @Override
            String apply(String event, int cut) {
                return "[" + event + "]";
            }
        },
        EMPTY {
            @Override
            String apply(String event, int cut) {
                return "";
            }
        };

        abstract String apply(String event, int cut);
    }

    /** One event of a generated stream and what is done to it. */
    record Step(Damage damage, int cut) {}

    @Provide
    Arbitrary<Completions.Completion> completions() {
        return Completions.completions();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Damage.class)
                .flatMap(
                        d -> Arbitraries.integers().between(0, 10_000).map(cut -> new Step(d, cut)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    @Property(tries = 300)
    void aDamagedEventGivesUp_andTheEventsAfterItAreReadAsTheTreeReaderReadsThem(
            @ForAll("completions") Completions.Completion c, @ForAll("steps") List<Step> steps) {
        ChunkFastReader reader = new ChunkFastReader();
        ChatChunk previous = null;
        int i = 0;
        for (String event : c.events()) {
            if (event.equals("[DONE]")) {
                continue;
            }
            Step step = steps.get(i++ % steps.size());
            byte[] data = step.damage().apply(event, step.cut()).getBytes(StandardCharsets.UTF_8);
            ChatChunk fast = reader.read(data, data.length, previous);
            if (step.damage() == Damage.AS_IS || step.damage() == Damage.TRAILING_BLANKS) {
                assertThat(fast)
                        .as("event %d read whole after the events before it", i)
                        .isEqualTo(ChunkTreeReader.chunk(ChunkTreeReader.parse(data)));
                previous = fast;
            } else {
                assertThat(fast).as("event %d damaged as %s", i, step.damage()).isNull();
            }
        }
    }

    @Test
    void readsEventsBackToBack_withOneParser() {
        ChunkFastReader reader = new ChunkFastReader();
        byte[] data = CHUNK.getBytes(StandardCharsets.UTF_8);
        ChatChunk first = reader.read(data, data.length, null);
        ChatChunk second = reader.read(data, data.length, first);

        assertThat(second).isEqualTo(first);
        assertThat(first).isNotNull();
        assertThat(second.id())
                .as("a repeated id is the previous chunk's instance")
                .isSameAs(first.id());
    }

    @Test
    void aTruncatedEvent_isNeverAChunk_andTheNextEventIsReadWhole() {
        ChunkFastReader reader = new ChunkFastReader();
        byte[] whole = CHUNK.getBytes(StandardCharsets.UTF_8);
        // Cut inside the delta object: a nested loop that ran out of input must not pass for an
        // object that closed.
        int cut = CHUNK.indexOf("\"hi\"") + 4;

        assertThat(reader.read(whole, cut, null)).isNull();
        assertThat(reader.read(whole, whole.length, null))
                .isEqualTo(ChunkTreeReader.chunk(ChunkTreeReader.parse(whole)));
    }

    @Test
    void aBufferReusedForTheNextEvent_isReadAfresh() {
        ChunkFastReader reader = new ChunkFastReader();
        byte[] buffer = new byte[512];
        byte[] a = CHUNK.getBytes(StandardCharsets.UTF_8);
        byte[] b = CHUNK.replace("\"hi\"", "\"there\"").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(a, 0, buffer, 0, a.length);
        ChatChunk first = reader.read(buffer, a.length, null);
        System.arraycopy(b, 0, buffer, 0, b.length);
        ChatChunk second = reader.read(buffer, b.length, first);

        assertThat(first.choices().get(0).content()).isEqualTo("hi");
        assertThat(second.choices().get(0).content()).isEqualTo("there");
    }
}
