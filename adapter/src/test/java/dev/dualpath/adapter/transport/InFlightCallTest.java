package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The watchdog's per-call decisions, driven with synthetic clock values. */
class InFlightCallTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicInteger aborts = new AtomicInteger();

    private InFlightCall call(Thread caller, long deadline, long silence) {
        InFlightCall call = new InFlightCall(caller, deadline, silence);
        call.onAbort(aborts::incrementAndGet);
        return call;
    }

    @Test
    void beforeItsDeadline_aCallIsLeftAlone() {
        long now = System.nanoTime();
        InFlightCall call = call(null, now + 10 * SECOND, 0);

        assertThat(call.check(now)).isFalse();
        assertThat(call.outcome()).isEqualTo(InFlightCall.Outcome.RUNNING);
        assertThat(aborts).hasValue(0);
    }

    @Test
    void pastItsDeadline_aCallIsAbortedOnce_andCannotFinish() {
        long now = System.nanoTime();
        InFlightCall call = call(null, now + SECOND, 0);

        assertThat(call.check(now + SECOND)).isTrue();
        assertThat(call.check(now + 2 * SECOND)).isTrue();

        assertThat(call.outcome()).isEqualTo(InFlightCall.Outcome.TIMED_OUT);
        assertThat(aborts).hasValue(1);
        assertThat(call.finish()).isFalse();
    }

    @Test
    void aFinishedCall_isNeverAborted() {
        long now = System.nanoTime();
        InFlightCall call = call(Thread.currentThread(), now, 0);

        assertThat(call.finish()).isTrue();

        assertThat(call.check(now + SECOND)).isTrue();
        assertThat(call.outcome()).isEqualTo(InFlightCall.Outcome.FINISHED);
        assertThat(aborts).hasValue(0);
    }

    @Test
    void bodySilence_countsOnlyAfterTheHeaders() {
        long now = System.nanoTime();
        InFlightCall call = call(null, now + 100 * SECOND, SECOND);

        assertThat(call.check(now + 5 * SECOND))
                .as("no headers yet: the client's own timeout applies")
                .isFalse();

        call.headersReceived();
        long headersAt = System.nanoTime();
        assertThat(call.check(headersAt + SECOND / 2)).isFalse();
        assertThat(call.check(headersAt + 2 * SECOND)).isTrue();
        assertThat(call.outcome()).isEqualTo(InFlightCall.Outcome.TIMED_OUT);
        assertThat(call.isHeadersReceived()).isTrue();
    }

    @Test
    void progress_restartsTheSilenceClock() {
        InFlightCall call = call(null, System.nanoTime() + 100 * SECOND, SECOND);
        call.headersReceived();

        call.progress();
        long progressAt = System.nanoTime();

        assertThat(call.check(progressAt + SECOND / 2)).isFalse();
    }

    @Test
    void anInterruptedCaller_abortsTheCallAsInterrupted() {
        long now = System.nanoTime();
        InFlightCall call = call(Thread.currentThread(), now + 100 * SECOND, 0);
        Thread.currentThread().interrupt();
        try {
            assertThat(call.check(now)).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(call.outcome()).isEqualTo(InFlightCall.Outcome.INTERRUPTED);
        assertThat(aborts).hasValue(1);
    }
}
