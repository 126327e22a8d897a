package dev.dualpath.conformance.fake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain JDK HTTP/1.1 client for exercising the fake without the adapter. */
final class Http {

    /**
     * One client for all tests: on JDK 17 a HttpClient cannot be closed, so never build one per
     * test.
     */
    static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private Http() {}

    static HttpRequest chat(URI base, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}"))
                .build();
    }

    static HttpResponse<String> post(URI base) throws IOException, InterruptedException {
        return CLIENT.send(
                chat(base, Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> warm(URI base) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(base.resolve("/v1/tcp_warming"))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
