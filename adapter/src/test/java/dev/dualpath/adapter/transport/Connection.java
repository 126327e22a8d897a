package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Whether a test's exchange runs on a connection the client opens for it or on one it takes back
 * from its pool. Clients may abort the two differently (Apache's async client did: a cancel on a
 * pooled connection never reached it), so tests of aborts run on both.
 */
enum Connection {
    NEW {
        @Override
        RawHttpServer server(String response, RawHttpServer.Then then) throws IOException {
            return new RawHttpServer(response, then);
        }

        @Override
        void prepare(Transport transport, Delivery delivery, RawHttpServer server) {
            // Nothing to do: the exchange opens the client's first connection.
        }
    },

    POOLED {
        @Override
        RawHttpServer server(String response, RawHttpServer.Then then) throws IOException {
            return RawHttpServer.afterOneAnswer(response, then);
        }

        @Override
        void prepare(Transport transport, Delivery delivery, RawHttpServer server) {
            assertThat(delivery.call(transport, Requests.post(server.port())).status())
                    .isEqualTo(200);
            // Apache returns the connection to its pool just after completing the call: wait for
            // it, so that the next exchange leases it rather than opening another.
            if (transport instanceof ApacheHttpTransport apache) {
                await().atMost(BOUND).until(() -> apache.leasedConnections() == 0);
            }
        }
    };

    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Every one of {@code values} with every kind of connection: a parameterized test's source. */
    static Stream<Arguments> eachWith(Object[] values) {
        return Stream.of(values).flatMap(v -> Stream.of(values()).map(c -> Arguments.of(v, c)));
    }

    /** The scripted server for this kind of connection. */
    abstract RawHttpServer server(String response, RawHttpServer.Then then) throws IOException;

    /**
     * Readies {@code transport} so that its next exchange through {@code delivery}'s pool runs on
     * this kind of connection. Tests then check {@link RawHttpServer#connectionCount()} is 1.
     */
    abstract void prepare(Transport transport, Delivery delivery, RawHttpServer server);
}
