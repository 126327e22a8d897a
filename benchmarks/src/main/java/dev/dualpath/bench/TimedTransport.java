package dev.dualpath.bench;

import dev.dualpath.adapter.transport.Transport;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A transport that stamps {@link HandOff#EXCHANGED} on the current call when its async exchange
 * completes, before anything that depends on the call runs: the future it returns completes only
 * after the stamp, on the transport's own thread. Blocking calls pass through. For {@link
 * AsyncHopsBenchmark} only: cancelling its future does not reach the exchange.
 */
final class TimedTransport implements Transport {

    private final Transport delegate;
    private final Supplier<HandOffStamps> current;

    /**
     * @param delegate the transport measured; owned from now on
     * @param current the call in progress (one caller at a time)
     */
    TimedTransport(Transport delegate, Supplier<HandOffStamps> current) {
        this.delegate = delegate;
        this.current = current;
    }

    @Override
    public WireResponse execute(WireRequest request) {
        return delegate.execute(request);
    }

    @Override
    public CompletableFuture<WireResponse> executeAsync(WireRequest request) {
        HandOffStamps call = current.get();
        return delegate.executeAsync(request).whenComplete((r, e) -> call.mark(HandOff.EXCHANGED));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
