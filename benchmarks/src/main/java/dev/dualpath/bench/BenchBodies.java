package dev.dualpath.bench;

import dev.dualpath.adapter.transport.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The ~1 KB Cerebras-shaped success response every benchmark is served. */
public final class BenchBodies {

    /** The answer's text. */
    public static final String CONTENT = "Hello! It is a pleasure to meet you; how can I help you today?";

    /** A realistic success body: usage with details, time_info with a float created, unknown fields. */
    public static final String SUCCESS_JSON = """
            {"id":"chatcmpl-7d1c5e2a-3f4b-4c8e-9a1d-2b6f0e8c4a11","object":"chat.completion","created":1732012345,\
            "model":"llama3.1-8b","system_fingerprint":"fp_70185065a4","service_tier":"default",\
            "choices":[{"index":0,"finish_reason":"stop","logprobs":null,\
            "message":{"role":"assistant","content":"%s"}}],\
            "usage":{"prompt_tokens":42,"completion_tokens":17,"total_tokens":59,\
            "prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,\
            "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},\
            "time_info":{"queue_time":0.000183921,"prompt_time":0.002109871,"completion_time":0.008733625,\
            "total_time":0.012602567825317383,"created":1732012345.4821363},\
            "x_provider_notes":{"region":"us-east","shard":7,"padding":"%s"}}"""
            .formatted(CONTENT, "x".repeat(300));

    private BenchBodies() {}

    /** The body as a 200 response, for the in-memory transport. */
    public static WireResponse successResponse() {
        return new WireResponse(200, Map.of("content-type", List.of("application/json")),
                SUCCESS_JSON.getBytes(StandardCharsets.UTF_8), null);
    }
}
