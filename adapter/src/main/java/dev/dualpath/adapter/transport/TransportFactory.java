package dev.dualpath.adapter.transport;

/**
 * Builds a new {@link Transport} each time it is asked: what an adapter needs when a caller wants a
 * client of its own for one call (a client bound to one event loop, in Python terms) rather than
 * the adapter's long-lived one.
 *
 * <pre>{@code
 * TransportFactory transports = TransportKind.APACHE.factory(TransportConfig.DEFAULTS);
 * try (Transport t = transports.create()) { ... }
 * }</pre>
 */
@FunctionalInterface
public interface TransportFactory {

    /**
     * Builds a new transport.
     *
     * @return a new transport, which the caller owns and must close
     * @throws RuntimeException whatever building the client throws (e.g. a reactor that cannot
     *     start); no half-built transport is left open
     */
    Transport create();
}
