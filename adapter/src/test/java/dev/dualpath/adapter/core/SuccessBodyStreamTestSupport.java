package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Strings quoted as Jackson writes them, for the fast-path tests. */
final class SuccessBodyStreamTestSupport {

    private SuccessBodyStreamTestSupport() {}

    static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
