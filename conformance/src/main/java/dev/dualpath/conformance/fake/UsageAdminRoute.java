package dev.dualpath.conformance.fake;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /__admin/dualpath/usage}: the stub's {@link StubUsage} as JSON, so that a client in
 * another process reads the stub's service time from the stub's side ({@code {"requests": N,
 * "totalNanos": N, "residenceNanos": N, "processCpuNanos": N}}, all cumulative since start).
 */
final class UsageAdminRoute implements AdminApiExtension {

    /** The route, relative to WireMock's {@code /__admin}. */
    static final String PATH = "/dualpath/usage";

    static final String REQUESTS = "requests";
    static final String TOTAL_NANOS = "totalNanos";
    static final String RESIDENCE_NANOS = "residenceNanos";
    static final String PROCESS_CPU_NANOS = "processCpuNanos";

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final ServiceTimer timer;

    UsageAdminRoute(ServiceTimer timer) {
        this.timer = timer;
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(
                RequestMethod.GET,
                PATH,
                (admin, serveEvent, pathParams) -> ResponseDefinition.okForJson(reading()));
    }

    private Map<String, Long> reading() {
        ServiceTime served = timer.snapshot();
        Map<String, Long> json = new LinkedHashMap<>();
        json.put(REQUESTS, served.requests());
        json.put(TOTAL_NANOS, served.totalNanos());
        json.put(RESIDENCE_NANOS, served.residenceNanos());
        json.put(PROCESS_CPU_NANOS, Math.max(0, OS.getProcessCpuTime()));
        return json;
    }

    @Override
    public String getName() {
        return "dualpath-usage";
    }
}
