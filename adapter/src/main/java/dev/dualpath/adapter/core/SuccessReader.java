package dev.dualpath.adapter.core;

import dev.dualpath.adapter.wire.WireResponse;

/**
 * How {@link ResponseProcessor} reads a 2xx body. Both give equal results for every body and throw
 * the same {@link dev.dualpath.adapter.error.MalformedResponseException} for a malformed one; they
 * differ in cost, which is why both stay selectable: the benchmarks time one against the other.
 */
public enum SuccessReader {

    /**
     * The adapter's: one pass of a token stream, no tree; anything it is not sure about (an error
     * object, a wrong type, a syntax error, a huge body) goes to {@link #TREE}, which alone says
     * what is malformed and why.
     */
    STREAM {
        @Override
        SuccessBody read(ResponseProcessor processor, WireResponse response, String requestId) {
            SuccessBody body = SuccessBodyStream.read(response.body());
            return body != null ? body : TREE.read(processor, response, requestId);
        }
    },

    /** The reader the stream replaced: the whole body as a tree, then the fields from it. */
    TREE {
        @Override
        SuccessBody read(ResponseProcessor processor, WireResponse response, String requestId) {
            return processor.readTree(response, requestId);
        }
    };

    abstract SuccessBody read(ResponseProcessor processor, WireResponse response, String requestId);
}
