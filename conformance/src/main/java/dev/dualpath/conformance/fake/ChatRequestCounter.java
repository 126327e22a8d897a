package dev.dualpath.conformance.fake;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts chat POSTs as WireMock receives them, before any delay or fault. A listener rather than
 * the request journal so that counting also works in benchmark mode, where the journal is off.
 */
final class ChatRequestCounter implements ServeEventListener {

    static final String CHAT_PATH = "/v1/chat/completions";

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        Request request = serveEvent.getRequest();
        if (request.getMethod().equals(RequestMethod.POST)
                && path(request.getUrl()).equals(CHAT_PATH)) {
            count.incrementAndGet();
        }
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "dualpath-chat-request-counter";
    }

    int get() {
        return count.get();
    }

    void reset() {
        count.set(0);
    }

    private static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
