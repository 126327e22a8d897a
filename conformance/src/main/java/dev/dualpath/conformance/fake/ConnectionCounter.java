package dev.dualpath.conformance.fake;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;

/**
 * Counts the TCP connections the stub's HTTP connector accepts (a Jetty connection listener), and
 * serves the count to clients in other processes at {@code GET /__admin/dualpath/connections} as
 * {@code {"accepted": N}}. Cumulative since the server started; never reset, so a reader takes
 * differences. A query over a new connection is itself counted before it is answered: a client that
 * opens one connection per query subtracts 1 from the difference of two queries.
 */
final class ConnectionCounter implements Connection.Listener, AdminApiExtension {

    /** Path of the count under WireMock's admin root. */
    static final String ADMIN_PATH = "/dualpath/connections";

    private final LongAdder accepted = new LongAdder();

    @Override
    public void onOpened(Connection connection) {
        accepted.increment();
    }

    @Override
    public void onClosed(Connection connection) {
        // only openings are counted
    }

    long accepted() {
        return accepted.sum();
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(
                RequestMethod.GET,
                ADMIN_PATH,
                (admin, serveEvent, pathParams) ->
                        ResponseDefinition.okForJson(java.util.Map.of("accepted", accepted.sum())));
    }

    @Override
    public String getName() {
        return "dualpath-connection-counter";
    }
}
