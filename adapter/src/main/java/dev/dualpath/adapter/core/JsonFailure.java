package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;

/**
 * Says why a body that starts like JSON did not parse: cut short, or invalid at some place. Jackson
 * reports a body cut short in several ways (an end-of-input exception, a generic parse error at the
 * last byte, or a tree-level mismatch), so on failure the bytes are re-read as a token stream: a
 * failure at the end of the content while still inside an object or array means truncated. Only
 * runs on the failure path.
 */
final class JsonFailure {

    private JsonFailure() {}

    /**
     * Returns e.g. {@code truncated JSON response body (29 bytes)} or {@code invalid JSON response
     * body at line 1, column 11 (11 bytes)}; never the offending text.
     *
     * @param body the bytes that failed to parse
     * @param treeError what the tree reader threw, used when the token stream finds nothing wrong
     */
    static String describe(byte[] body, JsonProcessingException treeError) {
        int depth = 0;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
            if (depth > 0) {
                return truncated(body);
            }
        } catch (JsonEOFException e) {
            return truncated(body);
        } catch (JsonProcessingException e) {
            return depth > 0 && offset(e.getLocation()) >= contentEnd(body)
                    ? truncated(body)
                    : invalidAt(e.getLocation(), body.length);
        } catch (IOException e) {
            // A byte array does no I/O; fall through to the tree reader's location.
        }
        return invalidAt(treeError.getLocation(), body.length);
    }

    private static long offset(JsonLocation at) {
        if (at == null) {
            return -1;
        }
        return at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset();
    }

    /** Index just past the last byte that is not JSON whitespace. */
    private static int contentEnd(byte[] body) {
        int end = body.length;
        while (end > 0
                && (body[end - 1] == ' '
                        || body[end - 1] == '\t'
                        || body[end - 1] == '\r'
                        || body[end - 1] == '\n')) {
            end--;
        }
        return end;
    }

    private static String truncated(byte[] body) {
        return "truncated JSON response body (" + body.length + " bytes)";
    }

    private static String invalidAt(JsonLocation at, int length) {
        String where =
                at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "invalid JSON response body" + where + " (" + length + " bytes)";
    }
}
