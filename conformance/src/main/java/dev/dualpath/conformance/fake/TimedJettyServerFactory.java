package dev.dualpath.conformance.fake;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.EventListener;
import java.util.List;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpChannel;

/**
 * WireMock's own Jetty 11 server (what its default factory builds), with listeners added to the
 * HTTP connector: an {@link HttpChannel.Listener} is the only place that sees when a response
 * really starts and finishes going out, whatever WireMock does with delays; a {@link
 * Connection.Listener} sees every TCP connection the connector accepts. Tied to WireMock 3.x's
 * {@code Jetty11HttpServer}; an upgrade that drops it fails here at compile time.
 */
final class TimedJettyServerFactory implements HttpServerFactory {

    private final List<EventListener> listeners;

    /**
     * @param listeners Jetty listeners ({@link HttpChannel.Listener}, {@link Connection.Listener})
     *     added as beans of the HTTP connector, in this order
     */
    TimedJettyServerFactory(EventListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public String getName() {
        return "dualpath-timed-jetty11";
    }

    @Override
    public HttpServer buildHttpServer(
            Options options, AdminRequestHandler admin, StubRequestHandler stub) {
        Listened server = new Listened(options, admin, stub);
        listeners.forEach(server::listen);
        return server;
    }

    /**
     * Exposes the protected connector long enough to add the listener, before the server starts.
     */
    private static final class Listened extends Jetty11HttpServer {

        Listened(Options options, AdminRequestHandler admin, StubRequestHandler stub) {
            super(options, admin, stub);
        }

        void listen(EventListener listener) {
            if (httpConnector == null) {
                throw new IllegalStateException(
                        "WireMock built no HTTP connector (http disabled?)");
            }
            httpConnector.addBean(listener);
        }
    }
}
