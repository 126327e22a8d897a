package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dualpath.conformance.fake.ServiceTime;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;

class StubMeterTest {

    @Test
    void microsPerRequest_dividesTheWindowsNanosByItsRequests() {
        StubMeter.Reading before = new StubMeter.Reading(3, new ServiceTime(10, 1_000_000));
        StubMeter.Reading after = new StubMeter.Reading(3, new ServiceTime(14, 1_200_000));

        // 200 µs over 4 requests.
        assertThat(StubMeter.microsPerRequest(before, after)).hasValue(50.0);
    }

    @Test
    void microsPerRequest_noRequestServed_isEmpty() {
        StubMeter.Reading before = new StubMeter.Reading(3, new ServiceTime(10, 1_000_000));
        StubMeter.Reading after = new StubMeter.Reading(3, new ServiceTime(10, 1_000_000));

        assertThat(StubMeter.microsPerRequest(before, after)).isEmpty();
    }

    @Test
    void microsPerRequest_anotherStubWatchedInBetween_isEmpty() {
        StubMeter.Reading before = new StubMeter.Reading(3, new ServiceTime(1, 1_000));
        StubMeter.Reading after = new StubMeter.Reading(4, new ServiceTime(50, 3_000_000));

        assertThat(StubMeter.microsPerRequest(before, after)).isEmpty();
    }

    @Test
    void watch_replacesTheStub_andNowReadsTheNewOne() {
        StubMeter.watch(() -> new ServiceTime(1, 10));
        StubMeter.Reading first = StubMeter.now();
        StubMeter.watch(() -> new ServiceTime(2, 20));
        StubMeter.Reading second = StubMeter.now();

        assertThat(second.stub()).isGreaterThan(first.stub());
        assertThat(second.time()).isEqualTo(new ServiceTime(2, 20));
    }

    @Test
    void profiler_reportsStubServiceNorm_overTheIterationWindow() {
        AtomicReference<ServiceTime> stub = new AtomicReference<>(new ServiceTime(100, 9_000_000));
        StubMeter.watch(stub::get);
        CallCostProfiler profiler = new CallCostProfiler();

        profiler.beforeIteration(null, null);
        stub.set(new ServiceTime(110, 9_750_000)); // 10 requests, 750 µs
        Collection<? extends Result> results = profiler.afterIteration(null, null, null);

        Result stubResult =
                results.stream()
                        .filter(r -> r.getLabel().equals(CallCostProfiler.STUB_SERVICE))
                        .findFirst()
                        .orElseThrow();
        assertThat(stubResult.getScore()).isCloseTo(75.0, within(1e-9));
        assertThat(stubResult.getScoreUnit()).isEqualTo("us/call");
    }

    @Test
    void profiler_stubServedNothing_reportsNoStubMetric() {
        StubMeter.watch(() -> new ServiceTime(5, 500));
        CallCostProfiler profiler = new CallCostProfiler();

        profiler.beforeIteration(null, null);
        Collection<? extends Result> results = profiler.afterIteration(null, null, null);

        assertThat(results).noneMatch(r -> r.getLabel().equals(CallCostProfiler.STUB_SERVICE));
    }
}
