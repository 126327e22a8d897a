package dev.dualpath.bench.verdict.report;

import java.util.Map;

/**
 * What the charts group by; defaults fit dualpath's benchmarks, flags let another team's fit.
 *
 * @param strategyParam the {@code @Param} whose values are the strategies (bars of the overhead
 *     chart)
 * @param baselineValue the strategy value overhead is measured against (e.g. {@code RAW_BLOCKING})
 * @param baselineFor per-strategy baseline overriding {@code baselineValue} (e.g. {@code
 *     INVOKE_ASYNC -> RAW_ASYNC})
 * @param delayParam the {@code @Param} holding the injected delay in milliseconds
 */
public record ChartOptions(
        String strategyParam,
        String baselineValue,
        Map<String, String> baselineFor,
        String delayParam) {

    /** {@code path}, {@code RAW_BLOCKING}, {@code INVOKE_ASYNC -> RAW_ASYNC}, {@code delayMs}. */
    public static ChartOptions defaults() {
        return new ChartOptions(
                "path", "RAW_BLOCKING", Map.of("INVOKE_ASYNC", "RAW_ASYNC"), "delayMs");
    }

    /** Freezes the map. */
    public ChartOptions {
        baselineFor = Map.copyOf(baselineFor);
    }

    /** The baseline strategy for a strategy value. */
    public String baselineOf(String strategy) {
        return baselineFor.getOrDefault(strategy, baselineValue);
    }
}
