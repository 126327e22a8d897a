package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrencyBenchmarkTest {

    private static final String BLOCKING =
            "dev.dualpath.bench.ConcurrencyBenchmark.blockingThroughput";
    private static final String ASYNC = "dev.dualpath.bench.ConcurrencyBenchmark.asyncLatency";

    @Test
    void requireThreads_blockingNeedsOneThreadPerCaller() {
        assertThatCode(() -> ConcurrencyBenchmark.requireThreads(BLOCKING, 16, 16))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConcurrencyBenchmark.requireThreads(BLOCKING, 16, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callers=16")
                .hasMessageContaining("-t 16")
                .hasMessageContaining("ran with 1");
    }

    @Test
    void requireThreads_asyncNeedsOneThreadWhateverTheCallers() {
        assertThatCode(() -> ConcurrencyBenchmark.requireThreads(ASYNC, 64, 1))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConcurrencyBenchmark.requireThreads(ASYNC, 4, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-t 1");
    }

    @Test
    void requireThreads_noCallers_isRejected() {
        assertThatThrownBy(() -> ConcurrencyBenchmark.requireThreads(BLOCKING, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callers must be >= 1");
    }
}
