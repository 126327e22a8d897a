package dev.dualpath.adapter.core;

/**
 * The error bodies of docs/provider.md#error-bodies, byte for byte: Cerebras' own top-level bodies
 * and the other shapes seen from OpenAI-compatible servers and CDNs.
 */
final class ProviderBodies {

    private ProviderBodies() {}

    static final String WRONG_API_KEY =
            "{\"message\":\"Wrong API"
                + " Key\",\"type\":\"invalid_request_error\",\"param\":\"api_key\",\"code\":\"wrong_api_key\"}";
    static final String MODEL_NOT_FOUND =
            "{\"message\":\"Model … does not exist or you do not have access to"
                + " it.\",\"type\":\"not_found_error\",\"param\":\"model\",\"code\":\"model_not_found\"}";
    static final String REQUESTS_PER_MINUTE =
            "{\"message\":\"Requests per minute limit exceeded - too many requests"
                + " sent.\",\"type\":\"too_many_requests_error\",\"param\":\"quota\",\"code\":\"request_quota_exceeded\"}";
    static final String TOKENS_PER_DAY =
            "{\"message\":\"Tokens per day limit exceeded - too many tokens"
                + " processed.\",\"type\":\"too_many_tokens_error\",\"param\":\"quota\",\"code\":\"token_quota_exceeded\"}";
    static final String QUEUE_EXCEEDED =
            "{\"message\":\"We're experiencing high traffic right now! Please try again"
                + " soon.\",\"type\":\"too_many_requests_error\",\"param\":\"queue\",\"code\":\"queue_exceeded\"}";
    static final String NOT_AUTHENTICATED = "{\"detail\":\"Not authenticated\"}";
    static final String DETAIL_ARRAY =
            "{\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"field"
                    + " required\",\"type\":\"value_error.missing\"}]}";
    static final String OPENAI_NESTED =
            "{\"error\":{\"message\":\"Incorrect API key"
                + " provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
    static final String VLLM =
            "{\"object\":\"error\",\"message\":\"max_tokens must be at least 1, got"
                    + " 0.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}";
    static final String OBJECT_MESSAGE =
            "{\"message\":{\"loc\":[\"body\",\"messages\"],\"msg\":\"field"
                + " required\"},\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"validation_error\"}";
    static final String HTML_502 =
            """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>cloudflare</center>
            </body>
            </html>
            """;
    static final String HTML_504 =
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8">
            <title>
              example.com | 504:
              Gateway time-out</title></head><body><h1>Gateway time-out</h1></body></html>\
            """;
}
