package dev.dualpath.adapter.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every network transport's streaming in both deliveries, on a real loopback server: the head comes
 * before the body, the body arrives as asked, silence while bytes are awaited is a body timeout but
 * a consumer's pause is not, and closing or interrupting a reader closes the connection.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamingTransportTest {

    @RegisterExtension static final WireMockExtension SERVER = Requests.loopbackServer();

    private static final String SSE = "data: one\n\ndata: two\n\ndata: [DONE]\n\n";
    private static final Duration BOUND = Duration.ofSeconds(20);

    private Transport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    /** A body read one item at a time in either delivery. */
    interface Reader extends AutoCloseable {
        /** The next bytes, or null at the end; throws the transport's failure. */
        byte[] next();

        @Override
        void close();
    }

    private Reader open(
            Mode mode, TransportConfig config, int port, AtomicReference<WireResponse> head) {
        transport = mode.kind.create(config);
        return read(mode, port, head);
    }

    /** As {@link #open}, on the kind of connection asked for. */
    private Reader openOn(
            Connection connection, Mode mode, TransportConfig config, RawHttpServer raw) {
        transport = mode.kind.create(config);
        connection.prepare(transport, mode.delivery, raw);
        return read(mode, raw.port(), new AtomicReference<>());
    }

    private Reader read(Mode mode, int port, AtomicReference<WireResponse> head) {
        StreamingTransport streams = (StreamingTransport) transport;
        if (mode.delivery == Delivery.BLOCKING) {
            BlockingStream s = streams.openStream(Requests.post(port));
            head.set(s.head());
            return new Reader() {
                @Override
                public byte[] next() {
                    ByteBuffer b = s.body().read();
                    if (b == null) {
                        return null;
                    }
                    byte[] out = new byte[b.remaining()];
                    b.get(out);
                    return out;
                }

                @Override
                public void close() {
                    s.body().close();
                }
            };
        }
        AsyncStream s;
        try {
            s =
                    streams.openStreamAsync(Requests.post(port))
                            .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (TransportFailure) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
        head.set(s.head());
        BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        AtomicReference<Flow.Subscription> sub = new AtomicReference<>();
        s.body()
                .subscribe(
                        new Flow.Subscriber<>() {
                            @Override
                            public void onSubscribe(Flow.Subscription subscription) {
                                sub.set(subscription);
                            }

                            @Override
                            public void onNext(List<ByteBuffer> item) {
                                ByteArrayOutputStream out = new ByteArrayOutputStream();
                                item.forEach(
                                        b -> {
                                            byte[] copy = new byte[b.remaining()];
                                            b.get(copy);
                                            out.writeBytes(copy);
                                        });
                                items.add(out.toByteArray());
                            }

                            @Override
                            public void onError(Throwable t) {
                                items.add(t);
                            }

                            @Override
                            public void onComplete() {
                                items.add("end");
                            }
                        });
        return new Reader() {
            @Override
            public byte[] next() {
                sub.get().request(1);
                Object o;
                try {
                    o = items.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                if (o instanceof byte[] b) {
                    return b;
                }
                if (o instanceof TransportFailure f) {
                    throw f;
                }
                if ("end".equals(o)) {
                    return null;
                }
                throw new AssertionError("no signal within " + BOUND + ": " + o);
            }

            @Override
            public void close() {
                sub.get().cancel();
            }
        };
    }

    private static String readAll(Reader reader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b = reader.next(); b != null; b = reader.next()) {
            out.writeBytes(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theHeadComesFirst_thenTheWholeBody(Mode mode) {
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/event-stream")
                                        .withHeader("x-request-id", "srv-7")
                                        .withBody(SSE)));
        AtomicReference<WireResponse> head = new AtomicReference<>();
        try (Reader r = open(mode, Requests.GENEROUS, SERVER.getPort(), head)) {
            assertThat(head.get().status()).isEqualTo(200);
            assertThat(head.get().header("x-request-id")).isEqualTo("srv-7");
            assertThat(head.get().body()).isEmpty();
            assertThat(head.get().timeToFirstByte()).isPositive();
            assertThat(readAll(r)).isEqualTo(SSE);
        }
    }

    @ParameterizedTest
    @MethodSource("modesAndConnections")
    void silenceAfterTheFirstEvent_isABodyTimeout_andClosesTheConnection(
            Mode mode, Connection connection) throws IOException {
        try (RawHttpServer raw =
                connection.server(
                        chunkedHead() + chunk("data: one\n\n"), RawHttpServer.Then.STALL)) {
            try (Reader r = openOn(connection, mode, Requests.FAST_FAIL, raw)) {
                assertThat(new String(r.next(), StandardCharsets.UTF_8)).isEqualTo("data: one\n\n");
                assertThatThrownBy(r::next)
                        .isInstanceOfSatisfying(
                                TransportFailure.class,
                                f ->
                                        assertThat(f.kind())
                                                .isEqualTo(TransportFailure.Kind.BODY_TIMEOUT));
            }
            await().atMost(BOUND).until(() -> raw.clientClosedCount() == 1);
            assertThat(raw.connectionCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aConsumerPausingLongerThanTheReadTimeout_isNotTimedOut(Mode mode) {
        SERVER.stubFor(
                post(Requests.PATH)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/event-stream")
                                        .withBody(SSE)));
        // A cold server can take most of a second to answer its first request: warm it first,
        // so that the short read timeout below is tried on the pause only.
        try (Transport warm = TransportKind.JDK.create(Requests.GENEROUS)) {
            warm.execute(Requests.post(SERVER.getPort()));
        }
        TransportConfig shortRead = Requests.GENEROUS.withReadTimeout(Duration.ofSeconds(2));
        AtomicReference<WireResponse> head = new AtomicReference<>();
        try (Reader r = open(mode, shortRead, SERVER.getPort(), head)) {
            // The stimulus, not a wait for a result: the consumer is busy for 1.5 read timeouts.
            LockSupport.parkNanos(shortRead.readTimeout().multipliedBy(3).dividedBy(2).toNanos());
            assertThat(readAll(r)).isEqualTo(SSE);
        }
    }

    @ParameterizedTest
    @MethodSource("modesAndConnections")
    void closingAHalfReadBody_closesTheConnection(Mode mode, Connection connection)
            throws IOException {
        try (RawHttpServer raw =
                connection.server(
                        chunkedHead() + chunk("data: one\n\n"), RawHttpServer.Then.STALL)) {
            Reader r = openOn(connection, mode, Requests.GENEROUS, raw);
            assertThat(r.next()).isNotEmpty();
            r.close();
            await().atMost(BOUND).until(() -> raw.clientClosedCount() == 1);
            assertThat(raw.connectionCount()).isEqualTo(1);
        }
    }

    static Stream<Arguments> modesAndConnections() {
        return Connection.eachWith(Mode.values());
    }

    @ParameterizedTest
    @EnumSource(
            value = Mode.class,
            names = {"JDK_BLOCKING", "APACHE_BLOCKING"})
    void interruptingABlockedReader_cancels_keepsTheFlag_andClosesTheConnection(Mode mode)
            throws Exception {
        try (RawHttpServer raw =
                new RawHttpServer(
                        chunkedHead() + chunk("data: one\n\n"), RawHttpServer.Then.STALL)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            java.util.concurrent.CountDownLatch firstRead =
                    new java.util.concurrent.CountDownLatch(1);
            Thread t =
                    new Thread(
                            () -> {
                                try (Reader r =
                                        open(
                                                mode,
                                                Requests.GENEROUS,
                                                raw.port(),
                                                new AtomicReference<>())) {
                                    r.next();
                                    firstRead.countDown();
                                    r.next(); // blocks: the server stalls
                                } catch (Throwable e) {
                                    thrown.set(e);
                                    flag.set(Thread.currentThread().isInterrupted());
                                }
                            });
            t.start();
            // Whether the second read has begun or not, an interrupt from here on must cancel it.
            assertThat(firstRead.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            t.interrupt();
            t.join(BOUND.toMillis());
            assertThat(thrown.get())
                    .isInstanceOfSatisfying(
                            TransportFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(TransportFailure.Kind.CANCELLED));
            assertThat(flag.get()).isTrue();
            await().atMost(BOUND).until(() -> raw.clientClosedCount() == 1);
        }
    }

    static String chunkedHead() {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
    }

    static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length)
                + "\r\n"
                + data
                + "\r\n";
    }
}
