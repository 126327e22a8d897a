package dev.dualpath.conformance.fake;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Counts the chat requests the server is working on right now, and the most at once, among the
 * requests that arrived since the last {@link #reset()}: what a client's concurrency limit must
 * bound.
 *
 * <p>A request is in flight from {@code onRequestBegin} (its request line and headers parsed) to
 * {@code onResponseBegin} (just before the status line is written, after any injected delay): the
 * client cannot have seen any of the response before the request leaves the gauge, so a client that
 * keeps at most n calls in flight never shows more than n here, however the threads are scheduled.
 * A request that gets no response (a fault that closes or resets the connection) leaves at {@code
 * onComplete} instead, which can be after the client saw the failure; bound the peak only over
 * scripts without such faults.
 *
 * <p>Each reset opens a new window: a request that arrived before it (say, one a client abandoned
 * while the server still sleeps out its delay) leaves the window it was counted in, and never
 * counts towards the new one.
 */
final class InFlightGauge implements HttpChannel.Listener {

    private static final String WINDOW = InFlightGauge.class.getName() + ".window";

    /** The counts of one window. */
    private static final class Window {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
    }

    private final AtomicReference<Window> current = new AtomicReference<>(new Window());

    @Override
    public void onRequestBegin(Request request) {
        if (ServiceTimer.isChat(request.getMethod(), request.getRequestURI())) {
            Window w = current.get();
            request.setAttribute(WINDOW, w);
            w.peak.accumulateAndGet(w.inFlight.incrementAndGet(), Math::max);
        }
    }

    @Override
    public void onResponseBegin(Request request) {
        leave(request);
    }

    @Override
    public void onComplete(Request request) {
        leave(request);
    }

    private static void leave(Request request) {
        if (request.getAttribute(WINDOW) instanceof Window w) {
            request.removeAttribute(WINDOW);
            w.inFlight.decrementAndGet();
        }
    }

    /** Chat requests of this window in flight now. */
    int inFlight() {
        return current.get().inFlight.get();
    }

    /** The most chat requests of this window in flight at once. */
    int peak() {
        return current.get().peak.get();
    }

    /** Opens a new window: counts start at 0, whatever is still in flight from before. */
    void reset() {
        current.set(new Window());
    }
}
