package dev.dualpath.adapter;

import dev.dualpath.adapter.transport.AsyncBody;
import dev.dualpath.adapter.transport.AsyncStream;
import dev.dualpath.adapter.transport.BlockingBody;
import dev.dualpath.adapter.transport.BlockingStream;
import dev.dualpath.adapter.transport.StreamingTransport;
import dev.dualpath.adapter.transport.Transport;
import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A streaming transport answering attempt n with the n-th scripted response (the last repeated),
 * its body served one event per piece, synchronously on the asking thread. It counts what the
 * adapter does to each body: pieces asked for, aborts — so a test can see demand reach the body.
 */
final class ScriptedStreams implements Transport, StreamingTransport {

    /** One scripted response; {@code failAfter} pieces, then a connection failure (or -1). */
    record Answer(int status, String contentType, String body, int failAfter) {
        static Answer sse(String... events) {
            StringBuilder sb = new StringBuilder();
            for (String e : events) {
                sb.append("data: ").append(e).append("\n\n");
            }
            return new Answer(200, "text/event-stream", sb.toString(), -1);
        }

        Answer failingAfter(int pieces) {
            return new Answer(status, contentType, body, pieces);
        }
    }

    private final List<Answer> answers;
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger piecesAsked = new AtomicInteger();
    final AtomicInteger aborts = new AtomicInteger();
    final List<WireRequest> requests = new ArrayList<>();

    ScriptedStreams(Answer... answers) {
        this.answers = List.of(answers);
    }

    private Answer next(WireRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
        int n = attempts.incrementAndGet();
        return answers.get(Math.min(n, answers.size()) - 1);
    }

    /** The provider's request id on every scripted head, as the real provider sends one. */
    static final String PROVIDER_REQUEST_ID = "scripted-provider-id";

    private static WireResponse head(Answer a) {
        return new WireResponse(
                a.status(),
                Map.of(
                        "content-type",
                        List.of(a.contentType()),
                        "x-request-id",
                        List.of(PROVIDER_REQUEST_ID)),
                null,
                Duration.ZERO);
    }

    @Override
    public BlockingStream openStream(WireRequest request) {
        Answer a = next(request);
        return new BlockingStream(head(a), new Body(a));
    }

    @Override
    public CompletableFuture<AsyncStream> openStreamAsync(WireRequest request) {
        Answer a = next(request);
        return CompletableFuture.completedFuture(new AsyncStream(head(a), new Body(a)));
    }

    /** One body, both faces. */
    final class Body implements BlockingBody, AsyncBody {
        private final List<byte[]> pieces = new ArrayList<>();
        private final int failAfter;
        private int served;
        private boolean over;

        Body(Answer a) {
            for (String piece : a.body().split("(?<=\n\n)")) {
                if (!piece.isEmpty()) {
                    pieces.add(piece.getBytes(StandardCharsets.UTF_8));
                }
            }
            this.failAfter = a.failAfter();
        }

        @Override
        public ByteBuffer read() {
            piecesAsked.incrementAndGet();
            if (served == failAfter) {
                over = true;
                throw new TransportFailure(
                        TransportFailure.Kind.CONNECTION_FAILED, "connection failed", null);
            }
            if (served == pieces.size()) {
                over = true;
                return null;
            }
            return ByteBuffer.wrap(pieces.get(served++));
        }

        @Override
        public void close() {
            abort();
        }

        @Override
        public void abort() {
            if (!over) {
                over = true;
                aborts.incrementAndGet();
            }
        }

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> s) {
            s.onSubscribe(
                    new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                            for (long i = 0; i < n && !over; i++) {
                                ByteBuffer b;
                                try {
                                    b = read();
                                } catch (TransportFailure f) {
                                    s.onError(f);
                                    return;
                                }
                                if (b == null) {
                                    s.onComplete();
                                    return;
                                }
                                s.onNext(List.of(b));
                            }
                        }

                        @Override
                        public void cancel() {
                            abort();
                        }
                    });
        }
    }

    @Override
    public String name() {
        return "scripted-streams";
    }

    @Override
    public WireResponse execute(WireRequest request) {
        throw new UnsupportedOperationException("streams only");
    }

    @Override
    public CompletableFuture<WireResponse> executeAsync(WireRequest request) {
        throw new UnsupportedOperationException("streams only");
    }

    @Override
    public void close() {}
}
