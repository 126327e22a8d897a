package dev.dualpath.adapter.transport;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The two Apache clients behind an {@link ApacheHttpTransport} and their pools, configured from one
 * {@link TransportConfig}: HTTP/1.1 only, no automatic retries, no redirects, no compression, no
 * cookies. The async client is built, not started.
 *
 * @param streamRequestConfig the async client's request settings for a stream (no response timeout:
 *     the watchdog times a stream's silences only while bytes are awaited)
 * @param classicPool the classic client's pool
 * @param asyncPool the async client's pool
 * @param classic the classic client
 * @param async the async client, not yet started
 */
record ApacheClients(
        RequestConfig streamRequestConfig,
        PoolingHttpClientConnectionManager classicPool,
        PoolingAsyncClientConnectionManager asyncPool,
        CloseableHttpClient classic,
        CloseableHttpAsyncClient async) {

    /**
     * How long a classic connection must have been idle before the pool checks, as it leases it,
     * whether the server closed it meanwhile. The check is a read that waits up to 1 ms on a live
     * connection, so it runs only after an idle period a hundred times longer (never between
     * back-to-back calls); Apache's default, 2 s, let a connection the server closed a second ago
     * carry the next POST into a dead socket. The JDK client and Apache's async client need no such
     * setting: their selector thread sees the server's FIN on an idle pooled connection and drops
     * it. See {@link ApacheHttpTransport} on stale connections.
     */
    static final TimeValue STALE_CHECK_AFTER = TimeValue.ofMilliseconds(100);

    /**
     * Builds both clients and their pools.
     *
     * @param config timeouts and pool size (per route and in total)
     * @param id the transport's number, in its I/O threads' names
     */
    static ApacheClients build(TransportConfig config, int id) {
        Timeout readTimeout = Timeout.of(config.readTimeout());
        ConnectionConfig connection =
                ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(readTimeout)
                        .build();
        RequestConfig request =
                RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(config.requestTimeout()))
                        .setResponseTimeout(readTimeout)
                        .setRedirectsEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build();
        // A stream's silences are timed by the watchdog only while bytes are awaited, so that a
        // consumer's pause is never a timeout: no socket timeout on the async connection.
        RequestConfig streamRequestConfig =
                RequestConfig.copy(request).setResponseTimeout(Timeout.DISABLED).build();
        PoolingHttpClientConnectionManager classicPool =
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(config.maxConnections())
                        .setMaxConnPerRoute(config.maxConnections())
                        .setDefaultConnectionConfig(
                                ConnectionConfig.copy(connection)
                                        .setValidateAfterInactivity(STALE_CHECK_AFTER)
                                        .build())
                        .setDefaultSocketConfig(
                                SocketConfig.custom().setSoTimeout(readTimeout).build())
                        .build();
        CloseableHttpClient classic =
                HttpClients.custom()
                        .setConnectionManager(classicPool)
                        .setDefaultRequestConfig(request)
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableContentCompression()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .build();
        PoolingAsyncClientConnectionManager asyncPool =
                PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(config.maxConnections())
                        .setMaxConnPerRoute(config.maxConnections())
                        .setDefaultConnectionConfig(connection)
                        .setDefaultTlsConfig(
                                TlsConfig.custom()
                                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                                        .build())
                        .build();
        CloseableHttpAsyncClient async =
                HttpAsyncClients.custom()
                        .setConnectionManager(asyncPool)
                        .setIOReactorConfig(
                                IOReactorConfig.custom()
                                        .setIoThreadCount(
                                                Math.max(
                                                        1,
                                                        Math.min(
                                                                2,
                                                                Runtime.getRuntime()
                                                                        .availableProcessors())))
                                        .setSoTimeout(readTimeout)
                                        .setSelectInterval(selectInterval(config.readTimeout()))
                                        .build())
                        .setThreadFactory(new DaemonThreads("dualpath-apache" + id + "-io"))
                        .addExecInterceptorLast(ApacheExchange.BINDER_NAME, ApacheExchange.BINDER)
                        .setDefaultRequestConfig(request)
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableContentCompression()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .build();
        return new ApacheClients(streamRequestConfig, classicPool, asyncPool, classic, async);
    }

    /**
     * The I/O reactor checks socket timeouts only when its select wakes up, every second by
     * default, so a 200 ms read timeout fired after up to 1.2 s (or never, for a body whose gaps
     * were shorter than a second). A quarter of the read timeout, between 10 ms and the default 1
     * s, keeps the timeout within 25 % of its value; long timeouts keep the default.
     */
    static TimeValue selectInterval(Duration readTimeout) {
        long quarterMillis = readTimeout.toMillis() / 4;
        return TimeValue.ofMilliseconds(Math.max(10, Math.min(1000, quarterMillis)));
    }
}
