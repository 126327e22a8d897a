package dev.dualpath.adapter.transport;

/**
 * The network transports, each able to build itself from a {@link TransportConfig}. The in-memory
 * transport is not here: it needs a responder, so it is built directly ({@link
 * InMemoryTransport#fixed}, {@link InMemoryTransport#answering}).
 *
 * <pre>{@code
 * try (Transport transport = TransportKind.APACHE.create(TransportConfig.DEFAULTS)) {
 *     WireResponse response = transport.execute(request);              // blocking
 *     CompletableFuture<WireResponse> later = transport.executeAsync(request);
 * }
 * }</pre>
 */
public enum TransportKind {

    /** {@link JdkHttpTransport}: {@code java.net.http.HttpClient}, named {@code jdk}. */
    JDK {
        @Override
        public Transport create(TransportConfig config) {
            return new JdkHttpTransport(config);
        }
    },

    /** {@link ApacheHttpTransport}: Apache HttpClient 5 classic + async, named {@code apache}. */
    APACHE {
        @Override
        public Transport create(TransportConfig config) {
            return new ApacheHttpTransport(config);
        }
    };

    /**
     * Creates a transport of this kind.
     *
     * @return a new transport, which the caller owns and must close
     * @throws NullPointerException if config is null
     */
    public abstract Transport create(TransportConfig config);

    /**
     * A factory of transports of this kind.
     *
     * @return a factory building a new transport of this kind from {@code config} on every {@link
     *     TransportFactory#create()}
     * @throws NullPointerException if config is null
     */
    public TransportFactory factory(TransportConfig config) {
        java.util.Objects.requireNonNull(config, "config");
        return () -> create(config);
    }
}
