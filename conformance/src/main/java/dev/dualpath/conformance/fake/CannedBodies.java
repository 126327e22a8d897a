package dev.dualpath.conformance.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Realistic Cerebras-shaped response bodies for benchmarks and smoke tests. */
public final class CannedBodies {

    /** Appended to the content, as often as needed, to grow a body to a given size (ASCII). */
    private static final String FILLER = " " + "0123456789abcdefghijklmnopqrstuvwxyz".repeat(2);

    /** The content {@link #success()} carries (about 560 characters, so the body is about 1 KB). */
    public static final String DEFAULT_CONTENT =
            "Synchronous calls built on an asynchronous client pay for a thread hand-off, a future"
                + " and a wake-up on every request; a real blocking client pays for none of them."
                + " On a small container that difference can be larger than the network round trip"
                + " to a nearby provider, which is why it is worth measuring rather than assuming."
                + " The short answer: keep one long-lived client per process, pass it explicit"
                + " executors, and never build an event loop or a client per call. The long answer"
                + " is in the benchmark report, with confidence intervals per fork.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CannedBodies() {}

    /** A ~1 KB 200 body with {@link #DEFAULT_CONTENT}. */
    public static String success() {
        return success(DEFAULT_CONTENT);
    }

    /** The size of {@link #success()} in bytes: the smallest body {@link #ofBytes} makes. */
    public static int smallestBytes() {
        return success().length(); // ASCII: one byte per char
    }

    /**
     * A {@link #success(String)} body of exactly {@code bodyBytes} bytes: {@link #DEFAULT_CONTENT}
     * followed by ASCII filler, so that the answer grows and nothing else does. At {@link
     * #smallestBytes()} it is {@link #success()} itself.
     *
     * @throws IllegalArgumentException if {@code bodyBytes} is below {@link #smallestBytes()}
     */
    public static String ofBytes(int bodyBytes) {
        return success(contentOfBytes(bodyBytes));
    }

    /**
     * The content of {@link #ofBytes(int) ofBytes(bodyBytes)}.
     *
     * @throws IllegalArgumentException if {@code bodyBytes} is below {@link #smallestBytes()}
     */
    public static String contentOfBytes(int bodyBytes) {
        int extra = bodyBytes - smallestBytes();
        if (extra < 0) {
            throw new IllegalArgumentException(
                    "bodyBytes must be >= "
                            + smallestBytes()
                            + " (the canned body), was "
                            + bodyBytes);
        }
        StringBuilder content = new StringBuilder(DEFAULT_CONTENT.length() + extra);
        content.append(DEFAULT_CONTENT);
        while (content.length() < DEFAULT_CONTENT.length() + extra) {
            content.append(FILLER);
        }
        content.setLength(DEFAULT_CONTENT.length() + extra);
        return content.toString();
    }

    /**
     * A Cerebras-shaped 200 body: id, created, model, system fingerprint, one {@code stop} choice
     * with {@code content}, usage with token details, and {@code time_info}.
     *
     * @param content the assistant's answer; any string (it is JSON-escaped)
     */
    public static String success(String content) {
        return "{\"id\":\"chatcmpl-5b0f7d4e-2c1a-4f4e-9a51-2f3c8e9d1a77\",\"object\":\"chat.completion\","
                   + "\"created\":1735689600,\"model\":\"llama-3.3-70b\",\"system_fingerprint\":\"fp_70185065a4\","
                   + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + quote(content)
                + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":118,\"total_tokens\":160,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"accepted_prediction_tokens\":0,"
                + "\"rejected_prediction_tokens\":0}},"
                + "\"time_info\":{\"queue_time\":0.000112839,\"prompt_time\":0.002312402,"
                + "\"completion_time\":0.056109754,\"total_time\":0.060287952,\"created\":1735689600.7712147}}";
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a String always serialises", e);
        }
    }
}
