package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dualpath.conformance.fake.ServiceTime;
import dev.dualpath.conformance.fake.StubUsage;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;

class StubMeterTest {

    /** A stub that holds each request 10 ms plus its service time. */
    private static StubUsage inProcess(long requests, long nanos) {
        return new StubUsage(
                new ServiceTime(requests, nanos, requests * 10_000_000 + nanos),
                OptionalLong.empty());
    }

    private static StubUsage ownProcess(long requests, long nanos, long cpuNanos) {
        return new StubUsage(
                new ServiceTime(requests, nanos, requests * 10_000_000 + nanos),
                OptionalLong.of(cpuNanos));
    }

    private static StubMeter.Reading reading(long stub, StubUsage usage, long atNanos) {
        return new StubMeter.Reading(stub, usage, atNanos);
    }

    @Test
    void microsPerRequest_dividesTheWindowsNanosByItsRequests() {
        StubMeter.Reading before = reading(3, inProcess(10, 1_000_000), 0);
        StubMeter.Reading after = reading(3, inProcess(14, 1_200_000), 1_000);

        // 200 µs over 4 requests.
        assertThat(StubMeter.microsPerRequest(before, after)).hasValue(50.0);
    }

    @Test
    void residenceMicrosPerRequest_holdsTheDelay_overTheSameWindow() {
        StubMeter.Reading before = reading(3, inProcess(10, 1_000_000), 0);
        StubMeter.Reading after = reading(3, inProcess(14, 1_200_000), 1_000);

        // 4 requests held 10 ms each, plus 200 µs of service over the four.
        assertThat(StubMeter.residenceMicrosPerRequest(before, after)).hasValue(10_050.0);
        assertThat(StubMeter.residenceMicrosPerRequest(before, before)).isEmpty();
        assertThat(StubMeter.residenceMicrosPerRequest(before, reading(4, inProcess(14, 0), 9)))
                .isEmpty();
    }

    @Test
    void microsPerRequest_noRequestServed_isEmpty() {
        StubMeter.Reading before = reading(3, inProcess(10, 1_000_000), 0);
        StubMeter.Reading after = reading(3, inProcess(10, 1_000_000), 1_000);

        assertThat(StubMeter.microsPerRequest(before, after)).isEmpty();
    }

    @Test
    void microsPerRequest_anotherStubWatchedInBetween_isEmpty() {
        StubMeter.Reading before = reading(3, inProcess(1, 1_000), 0);
        StubMeter.Reading after = reading(4, inProcess(50, 3_000_000), 1_000);

        assertThat(StubMeter.microsPerRequest(before, after)).isEmpty();
    }

    @Test
    void cpu_ofAStubInItsOwnProcess_perRequestAndAsCpusBusy() {
        StubMeter.Reading before = reading(3, ownProcess(10, 1_000_000, 5_000_000), 0);
        // 20 requests, 4 ms of stub CPU, over 8 ms of wall time
        StubMeter.Reading after = reading(3, ownProcess(30, 2_000_000, 9_000_000), 8_000_000);

        assertThat(StubMeter.cpuMicrosPerRequest(before, after)).hasValue(200.0);
        assertThat(StubMeter.cpuUtilisation(before, after)).hasValue(0.5);
    }

    @Test
    void cpu_ofAStubInTheCallersProcess_isEmpty() {
        StubMeter.Reading before = reading(3, inProcess(10, 1_000_000), 0);
        StubMeter.Reading after = reading(3, inProcess(30, 2_000_000), 8_000_000);

        assertThat(StubMeter.cpuMicrosPerRequest(before, after)).isEmpty();
        assertThat(StubMeter.cpuUtilisation(before, after)).isEmpty();
    }

    @Test
    void watch_replacesTheStub_andNowReadsTheNewOne() {
        StubMeter.watch(() -> inProcess(1, 10));
        StubMeter.Reading first = StubMeter.now();
        StubMeter.watch(() -> inProcess(2, 20));
        StubMeter.Reading second = StubMeter.now();

        assertThat(second.stub()).isGreaterThan(first.stub());
        assertThat(second.usage()).isEqualTo(inProcess(2, 20));
    }

    @Test
    void now_aStubThatCannotBeRead_readsAsNothingServed() {
        StubMeter.watch(
                () -> {
                    throw new IllegalStateException("stub gone");
                });

        assertThat(StubMeter.now().usage()).isEqualTo(StubUsage.NONE);
    }

    @Test
    void profiler_reportsStubServiceNorm_overTheIterationWindow() {
        AtomicReference<StubUsage> stub = new AtomicReference<>(inProcess(100, 9_000_000));
        StubMeter.watch(stub::get);
        CallCostProfiler profiler = new CallCostProfiler();

        profiler.beforeIteration(null, null);
        stub.set(inProcess(110, 9_750_000)); // 10 requests, 750 µs
        Collection<? extends Result> results = profiler.afterIteration(null, null, null);

        Result stubResult =
                results.stream()
                        .filter(r -> r.getLabel().equals(CallCostProfiler.STUB_SERVICE))
                        .findFirst()
                        .orElseThrow();
        assertThat(stubResult.getScore()).isCloseTo(75.0, within(1e-9));
        assertThat(stubResult.getScoreUnit()).isEqualTo("us/call");
        assertThat(results).noneMatch(r -> r.getLabel().equals(CallCostProfiler.STUB_CPU));
        assertThat(results).anyMatch(r -> r.getLabel().equals(CallCostProfiler.FORK_CPU_UTIL));
    }

    @Test
    void profiler_stubInItsOwnProcess_reportsItsCpuPerRequest() {
        AtomicReference<StubUsage> stub =
                new AtomicReference<>(ownProcess(100, 9_000_000, 1_000_000));
        StubMeter.watch(stub::get);
        CallCostProfiler profiler = new CallCostProfiler();

        profiler.beforeIteration(null, null);
        stub.set(ownProcess(110, 9_750_000, 1_500_000)); // 10 requests, 500 µs of CPU
        Collection<? extends Result> results = profiler.afterIteration(null, null, null);

        assertThat(results)
                .filteredOn(r -> r.getLabel().equals(CallCostProfiler.STUB_CPU))
                .singleElement()
                .satisfies(r -> assertThat(r.getScore()).isCloseTo(50.0, within(1e-9)));
        assertThat(results).anyMatch(r -> r.getLabel().equals(CallCostProfiler.STUB_CPU_UTIL));
    }

    @Test
    void profiler_stubServedNothing_reportsNoStubMetric() {
        StubMeter.watch(() -> inProcess(5, 500));
        CallCostProfiler profiler = new CallCostProfiler();

        profiler.beforeIteration(null, null);
        Collection<? extends Result> results = profiler.afterIteration(null, null, null);

        assertThat(results).noneMatch(r -> r.getLabel().equals(CallCostProfiler.STUB_SERVICE));
    }
}
