package dev.dualpath.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.dualpath.adapter.core.Json;
import dev.dualpath.adapter.core.RequestIds;
import java.io.IOException;
import java.time.Duration;

/**
 * One part of what an in-memory {@code DIRECT} call does, alone, so that {@link
 * CallPartsBenchmark}'s bytes per op say where the call's allocation goes. The parts nest: {@link
 * #JSON_PARSER} is inside {@link #JSON_TOKENS}, which is inside {@link #RESPONSE_PROCESSING};
 * {@link #JSON_GENERATOR} is inside {@link #REQUEST_ENCODING}. The three Jackson parts make their
 * parser or generator per op: what the call would pay if it did not reuse one, as it does since
 * calls one after another share a parser and a generator.
 */
public enum CallPart {

    /** The whole call, for the sum: {@code invokeSync} over the in-memory transport. */
    DIRECT_CALL {
        @Override
        Object run(CallPartsBenchmark.Parts p) {
            return BenchPath.DIRECT.call(p.target);
        }
    },

    /** The raw transport call under it: hands back the canned response, allocating nothing. */
    RAW_CALL {
        @Override
        Object run(CallPartsBenchmark.Parts p) {
            return BenchPath.RAW_BLOCKING.call(p.target);
        }
    },

    /** The call's correlation id ({@code X-Request-Id}), a 36-character UUID string. */
    REQUEST_ID {
        @Override
        Object run(CallPartsBenchmark.Parts p) {
            return RequestIds.next();
        }
    },

    /** The benchmark's request (a 97-byte body) to its wire form: body bytes and headers. */
    REQUEST_ENCODING {
        @Override
        Object run(CallPartsBenchmark.Parts p) {
            return p.encoder.encode(p.target.request(), p.requestId);
        }
    },

    /**
     * Jackson's writer objects alone, made per op: a generator opened over a recycled byte builder
     * and closed with nothing written (the request writer reuses one instead).
     */
    JSON_GENERATOR {
        @Override
        Object run(CallPartsBenchmark.Parts p) throws IOException {
            BufferRecycler recycler = Json.MAPPER.getFactory()._getBufferRecycler();
            try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
                try (JsonGenerator g = Json.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
                    g.flush();
                }
                out.release();
                recycler.releaseToPool();
                return out;
            }
        }
    },

    /**
     * Jackson's reader objects alone, made per op: a parser opened over the ~1 KB body and closed
     * before its first token (the response reader reuses one instead).
     */
    JSON_PARSER {
        @Override
        Object run(CallPartsBenchmark.Parts p) throws IOException {
            try (JsonParser parser = Json.MAPPER.getFactory().createParser(p.body)) {
                return parser;
            }
        }
    },

    /** The parser plus every token of the body walked, no value made into a string or number. */
    JSON_TOKENS {
        @Override
        Object run(CallPartsBenchmark.Parts p) throws IOException {
            JsonToken last = walkTokens(p.body);
            return last == null ? JsonToken.NOT_AVAILABLE : last;
        }
    },

    /** The 200 body to the unified response: values, records, metrics and metadata. */
    RESPONSE_PROCESSING {
        @Override
        Object run(CallPartsBenchmark.Parts p) {
            return p.processor.process(p.response, ELAPSED, p.requestId, 1);
        }
    };

    /**
     * Opens a parser over {@code body} and walks every token without making a value of any: what a
     * Jackson read of the body pays before the reader keeps a field, when it makes its parser.
     *
     * @return the last token, or null for an empty body
     * @throws IOException if the body is not JSON
     */
    static JsonToken walkTokens(byte[] body) throws IOException {
        JsonToken last = null;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                last = t;
            }
        }
        return last;
    }

    /** A fixed call duration, so that processing does not measure the clock. */
    private static final Duration ELAPSED = Duration.ofMillis(1);

    /**
     * Does this part once.
     *
     * @throws IOException never on the canned bodies; declared for Jackson's checked signatures
     */
    abstract Object run(CallPartsBenchmark.Parts p) throws IOException;
}
