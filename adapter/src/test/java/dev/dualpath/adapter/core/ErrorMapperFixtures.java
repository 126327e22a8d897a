package dev.dualpath.adapter.core;

import dev.dualpath.adapter.secret.ApiKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The request id and the mapper the tests of {@link ErrorMapper#fromResponse} share. */
final class ErrorMapperFixtures {

    static final String REQUEST_ID = "req-42";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private ErrorMapperFixtures() {}

    /**
     * A mapper whose clock stands still at 2025-06-01T12:00:00Z, the instant a Retry-After date is
     * counted from.
     */
    static ErrorMapper mapper() {
        return new ErrorMapper(new ApiKey("sk-test"), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
