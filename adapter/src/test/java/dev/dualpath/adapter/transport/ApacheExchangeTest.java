package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.ComplexCancellable;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.junit.jupiter.api.Test;

/**
 * The abort handle's two orders, played without a client: aborted after the request reached its
 * connection (the endpoint is discarded), and before (the request is failed, never sent). The
 * transport tests show the same on real connections, new and pooled.
 */
class ApacheExchangeTest {

    private final AtomicInteger discarded = new AtomicInteger();
    private final AsyncExecRuntime runtime =
            (AsyncExecRuntime)
                    Proxy.newProxyInstance(
                            AsyncExecRuntime.class.getClassLoader(),
                            new Class<?>[] {AsyncExecRuntime.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("discardEndpoint")) {
                                    discarded.incrementAndGet();
                                    return null;
                                }
                                throw new UnsupportedOperationException(method.getName());
                            });
    private final List<String> events = new ArrayList<>();
    private final AsyncExecChain chain =
            (request, entityProducer, scope, callback) -> events.add("proceeded");
    private final AsyncExecCallback callback =
            new AsyncExecCallback() {
                @Override
                public AsyncDataConsumer handleResponse(
                        HttpResponse response, EntityDetails entityDetails) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void handleInformationResponse(HttpResponse response) {}

                @Override
                public void completed() {
                    events.add("completed");
                }

                @Override
                public void failed(Exception cause) {
                    events.add("failed: " + cause.getClass().getSimpleName());
                }
            };

    private void enterTheMainStep(HttpClientContext context) throws Exception {
        HttpRequest request = new BasicHttpRequest("POST", "/v1/chat/completions");
        AsyncExecChain.Scope scope =
                new AsyncExecChain.Scope(
                        "ex-1",
                        new HttpRoute(new HttpHost("127.0.0.1", 8080)),
                        request,
                        new ComplexCancellable(),
                        context,
                        runtime,
                        null,
                        new AtomicInteger(1));
        ApacheExchange.BINDER.execute(request, null, scope, chain, callback);
    }

    @Test
    void abortedOnItsConnection_discardsTheEndpoint_andCancelsTheFuture() throws Exception {
        ApacheExchange exchange = new ApacheExchange();
        CompletableFuture<Void> clientFuture = new CompletableFuture<>();
        exchange.link(clientFuture);
        enterTheMainStep(exchange.context());

        exchange.abort();

        assertThat(events).containsExactly("proceeded");
        assertThat(discarded).hasValue(1);
        assertThat(clientFuture).isCancelled();
    }

    @Test
    void abortedBeforeItsConnection_isFailed_notSent() throws Exception {
        ApacheExchange exchange = new ApacheExchange();
        exchange.abort();

        enterTheMainStep(exchange.context());

        assertThat(events).containsExactly("failed: InterruptedIOException");
    }

    @Test
    void abortedBeforeTheLink_cancelsTheFutureAsItIsLinked() {
        ApacheExchange exchange = new ApacheExchange();
        exchange.abort();
        CompletableFuture<Void> clientFuture = new CompletableFuture<>();

        exchange.link(clientFuture);

        assertThat(clientFuture).isCancelled();
    }

    @Test
    void aRequestWithoutAnExchange_passesThrough() throws Exception {
        enterTheMainStep(HttpClientContext.create());

        assertThat(events).containsExactly("proceeded");
        assertThat(discarded).hasValue(0);
    }
}
