package dev.dualpath.adapter.transport;

import java.io.InterruptedIOException;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.jspecify.annotations.Nullable;

/**
 * What aborts one async Apache exchange and closes its connection.
 *
 * <p>Cancelling the client's future is not enough on HttpClient 5.6. Its exec chain records, for
 * each exchange, the step a cancel must reach: first the pool's lease, then the connect, then the
 * exchange itself. When the lease or the connect completes before its caller has registered it — a
 * pooled connection is leased inside the call that asks for it, every time, and a loopback connect
 * can beat its caller — the step registered last is the finished one, so the cancel reaches a lease
 * or a connect that is over and nothing else. The exchange then runs on: its connection stays open
 * and leased, and a stream's, which has no socket timeout, stays so until the transport closes.
 * (Measured here: a half-read stream cancelled on a pooled connection left it open 10 times in 10;
 * on a new connection about 1 time in 100.)
 *
 * <p>So the exchange also holds the chain's runtime, handed to it by {@link #BINDER} as the request
 * enters the client's main transport step, and {@link #abort} discards the runtime's endpoint: the
 * connection is closed at once and its lease returned, whichever step the cancel reached. Either
 * order of {@link #abort} and the binding ends the exchange.
 */
final class ApacheExchange {

    /** The context attribute under which an exchange is found by {@link #BINDER}. */
    static final String ATTRIBUTE = ApacheExchange.class.getName();

    /** The interceptor's name in the async client's exec chain. */
    static final String BINDER_NAME = "dualpath-exchange-binder";

    /**
     * The exec-chain step, placed just before the main transport step (the connection is leased and
     * connected by then), that hands each exchange its runtime; an exchange aborted before it gets
     * there is failed instead of sent.
     */
    static final AsyncExecChainHandler BINDER =
            (request, entityProducer, scope, chain, callback) -> {
                if (scope.clientContext.getAttribute(ATTRIBUTE) instanceof ApacheExchange exchange
                        && !exchange.bind(scope.execRuntime)) {
                    callback.failed(new InterruptedIOException("exchange aborted"));
                    return;
                }
                chain.proceed(request, entityProducer, scope, callback);
            };

    private volatile @Nullable Future<?> future;
    private volatile @Nullable AsyncExecRuntime runtime;
    private volatile boolean aborted;

    /** A fresh context for this exchange, carrying it for {@link #BINDER}. */
    HttpClientContext context() {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(ATTRIBUTE, this);
        return context;
    }

    /**
     * Links the client's future for this exchange; cancels it at once if the exchange was aborted
     * already.
     */
    void link(Future<?> clientFuture) {
        future = clientFuture;
        if (aborted) {
            clientFuture.cancel(true);
        }
    }

    /**
     * Aborts the exchange: cancels the client's future and closes the connection, now or, if the
     * request has not reached its connection yet, as it does. Idempotent; harmless once the
     * exchange is over (its runtime then holds no connection).
     */
    void abort() {
        aborted = true;
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        AsyncExecRuntime r = runtime;
        if (r != null) {
            r.discardEndpoint();
        }
    }

    /** Records the runtime; false if the exchange was aborted, so that it is not sent. */
    private boolean bind(AsyncExecRuntime execRuntime) {
        runtime = execRuntime;
        return !aborted;
    }
}
