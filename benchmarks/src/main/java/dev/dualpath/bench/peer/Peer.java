package dev.dualpath.bench.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.adapter.wire.WireResponse;
import dev.dualpath.bench.BenchPath;
import dev.dualpath.bench.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * What a user could call instead of dualpath, and dualpath itself, behind one facade: each constant
 * opens a client on a chat-completions server and makes the same request (same model, one user
 * message, no retries) the way that client's user would.
 *
 * <pre>{@code
 * try (PeerClient<?> client = Peer.OPENAI_BLOCKING.open(fake.baseUrl())) {
 *     client.call();
 * }
 * }</pre>
 *
 * <p>The constants are named like {@link BenchPath} where they are the same call, so reports put
 * {@link #RAW_BLOCKING} and {@link #DIRECT} (both on Apache) side by side with the peers.
 */
public enum Peer {

    /**
     * Baseline: dualpath's blocking Apache transport alone, request pre-encoded, response not
     * parsed.
     */
    RAW_BLOCKING {
        @Override
        public PeerClient<?> open(URI baseUrl) {
            Target t = target(baseUrl, TransportKind.APACHE);
            return new PeerClient<>(
                    () -> (WireResponse) BenchPath.RAW_BLOCKING.call(t), Peer::rawContent, t);
        }
    },

    /** dualpath {@code DIRECT} ({@code invokeSync()}) on Apache HttpClient 5 classic. */
    DIRECT {
        @Override
        public PeerClient<?> open(URI baseUrl) {
            return direct(baseUrl, TransportKind.APACHE);
        }
    },

    /** dualpath {@code DIRECT} on the JDK {@code HttpClient} ({@code send()}). */
    DIRECT_JDK {
        @Override
        public PeerClient<?> open(URI baseUrl) {
            return direct(baseUrl, TransportKind.JDK);
        }
    },

    /** The official {@code com.openai:openai-java} blocking client (OkHttp). */
    OPENAI_BLOCKING {
        @Override
        public PeerClient<?> open(URI baseUrl) {
            OpenAIClient client =
                    OpenAIOkHttpClient.builder()
                            .baseUrl(baseUrl + "/v1")
                            .apiKey(KEY)
                            .maxRetries(0)
                            .build();
            ChatCompletionCreateParams params = params();
            return new PeerClient<>(
                    () -> client.chat().completions().create(params),
                    Peer::openAiContent,
                    client::close);
        }
    },

    /**
     * The official async client, blocked on with {@code join()}: sync over async as its user would
     * write it.
     */
    OPENAI_ASYNC_JOIN {
        @Override
        public PeerClient<?> open(URI baseUrl) {
            OpenAIClientAsync client =
                    OpenAIOkHttpClientAsync.builder()
                            .baseUrl(baseUrl + "/v1")
                            .apiKey(KEY)
                            .maxRetries(0)
                            .build();
            ChatCompletionCreateParams params = params();
            return new PeerClient<>(
                    () -> client.chat().completions().create(params).join(),
                    Peer::openAiContent,
                    client::close);
        }
    };

    private static final String KEY = "sk-bench-not-a-secret";
    private static final String MODEL = "llama3.1-8b";
    private static final String PROMPT = "Say hello in one short sentence.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Opens this peer's client against a chat-completions server.
     *
     * @param baseUrl the server without {@code /v1}, e.g. {@code FakeProvider.baseUrl()}
     * @return an open client; the caller closes it
     */
    public abstract PeerClient<?> open(URI baseUrl);

    private static PeerClient<UnifiedChatResponse> direct(URI baseUrl, TransportKind kind) {
        Target t = target(baseUrl, kind);
        return new PeerClient<>(
                () -> (UnifiedChatResponse) BenchPath.DIRECT.call(t),
                UnifiedChatResponse::content,
                t);
    }

    private static Target target(URI baseUrl, TransportKind kind) {
        // Target uses the same model and prompt as params(), and no retries, like maxRetries(0).
        return Target.over(
                baseUrl, kind.factory(TransportConfig.DEFAULTS), ContinuationExecutor.OWNED_POOL);
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(PROMPT).build();
    }

    private static String openAiContent(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElse(null);
    }

    private static String rawContent(WireResponse response) {
        if (response.status() != 200) {
            return null;
        }
        try {
            return JSON.readTree(response.body()).at("/choices/0/message/content").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException("the raw response is not JSON", e);
        }
    }
}
