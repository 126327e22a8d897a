package dev.dualpath.bench.run;

import dev.dualpath.bench.stub.StubMode;
import java.time.Duration;
import java.util.Map;

/**
 * The JVM and fixture start-up a fork is planned with, beside its iterations, for the ETA and the
 * run's budget: it depends on whether the fork talks to a server.
 */
final class ForkStartup {

    /**
     * A fork of a benchmark that talks to a server (a {@code transport} or {@code stubMode}
     * parameter): WireMock alone takes about 1 s (docs/calibration.md#wiremock-start-up).
     */
    static final Duration WITH_SERVER = Duration.ofMillis(2500);

    /**
     * A fork with no server, in memory: its wall time less its iterations measured 1.3–1.5 s in the
     * quick profile's in-memory forks (round 2026-12-01f's main job).
     */
    static final Duration IN_MEMORY = Duration.ofMillis(1500);

    private ForkStartup() {}

    /** The start-up {@code series} is planned with. */
    static Duration of(ForkSchedule.Series series) {
        Map<String, String> params = series.params();
        return params.containsKey(Profile.TRANSPORT) || params.containsKey(StubMode.PARAM)
                ? WITH_SERVER
                : IN_MEMORY;
    }
}
