package dev.dualpath.conformance.fake;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.HttpChannel;

/**
 * Times the stub's own work per chat request, lock-free, with the request journal off or on (see
 * {@link ServiceTime} for what is in and out).
 *
 * <p>Why our own clocks: WireMock's {@code ServeEvent.getTiming()} is in whole milliseconds, and a
 * loopback request is served in tens of microseconds; and with asynchronous responses WireMock's
 * {@code afterComplete} fires when the delayed response is scheduled, not when it is sent. So:
 *
 * <ul>
 *   <li>processing, as a WireMock {@link ServeEventListener}: {@code beforeMatch} to {@code
 *       beforeResponseSent}, both on the Jetty thread that dispatches the request, so a
 *       thread-local carries the start;
 *   <li>sending, as a Jetty {@link HttpChannel.Listener} on the HTTP connector (installed by {@link
 *       TimedJettyServerFactory}): {@code onResponseBegin}, just before the status line is written,
 *       which comes after any delay in both WireMock's synchronous and asynchronous modes, to
 *       {@code onResponseEnd}, when the last byte has been handed to the socket. Not {@code
 *       onComplete}: with an asynchronous response Jetty may finish the exchange on another thread
 *       after a hand-off, which the client does not wait for. A request attribute carries the
 *       start, which needs no assumption about threads.
 *   <li>residence, by the same Jetty listener: {@code onRequestBegin}, once the request line and
 *       headers are parsed, to {@code onResponseEnd}; a request attribute carries the arrival.
 * </ul>
 *
 * A request counts when its response has been sent; a request that dies in between (a fault) adds
 * its processing time without a count, which no benchmark does.
 */
final class ServiceTimer implements ServeEventListener, HttpChannel.Listener {

    private static final String SEND_START = ServiceTimer.class.getName() + ".sendStartNanos";
    private static final String ARRIVAL = ServiceTimer.class.getName() + ".arrivalNanos";
    private static final long NOT_STARTED = Long.MIN_VALUE;

    /**
     * The processing start of the chat request this Jetty thread is dispatching, or NOT_STARTED.
     */
    private final ThreadLocal<long[]> processingStart =
            ThreadLocal.withInitial(() -> new long[] {NOT_STARTED});

    private final LongAdder requests = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder residence = new LongAdder();

    // --- WireMock: processing ---

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        Request request = serveEvent.getRequest();
        processingStart.get()[0] =
                isChat(request.getMethod().getName(), request.getUrl())
                        ? System.nanoTime()
                        : NOT_STARTED;
    }

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
        long[] start = processingStart.get();
        if (start[0] != NOT_STARTED) {
            nanos.add(System.nanoTime() - start[0]);
            start[0] = NOT_STARTED;
        }
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "dualpath-service-timer";
    }

    // --- Jetty: arrival and sending ---

    @Override
    public void onRequestBegin(org.eclipse.jetty.server.Request request) {
        if (isChat(request.getMethod(), request.getRequestURI())) {
            request.setAttribute(ARRIVAL, System.nanoTime());
        }
    }

    @Override
    public void onResponseBegin(org.eclipse.jetty.server.Request request) {
        if (isChat(request.getMethod(), request.getRequestURI())) {
            request.setAttribute(SEND_START, System.nanoTime());
        }
    }

    @Override
    public void onResponseEnd(org.eclipse.jetty.server.Request request) {
        Object start = request.getAttribute(SEND_START);
        if (start instanceof Long l) {
            long now = System.nanoTime();
            if (request.getAttribute(ARRIVAL) instanceof Long arrival) {
                residence.add(now - arrival);
            }
            nanos.add(now - l);
            requests.increment();
        }
    }

    /**
     * Totals so far; the sums are read one after the other, so a request in flight may be half in.
     */
    ServiceTime snapshot() {
        return new ServiceTime(requests.sum(), nanos.sum(), residence.sum());
    }

    static boolean isChat(String method, String url) {
        if (!RequestMethod.POST.getName().equals(method) || url == null) {
            return false;
        }
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)).equals(ChatRequestCounter.CHAT_PATH);
    }
}
