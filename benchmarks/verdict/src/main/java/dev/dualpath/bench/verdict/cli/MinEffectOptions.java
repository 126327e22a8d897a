package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.gate.GateConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The gate's minimum effects, shared by {@code gate} and {@code report}. */
final class MinEffectOptions {

    @Option(
            names = "--min-effect",
            defaultValue = "0.05",
            paramLabel = "FRACTION",
            description = "Smallest relative regression that can FAIL (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(
            names = "--min-effect-for",
            paramLabel = "REGEX=FRACTION",
            description =
                    "Per-benchmark minimum effect; REGEX is searched in the series label, first"
                            + " match wins. Repeatable.")
    List<String> overrides = new ArrayList<>();

    /**
     * The per-benchmark overrides, parsed.
     *
     * @throws IllegalArgumentException if one is not {@code REGEX=FRACTION} with a fraction in (0,
     *     1)
     */
    List<GateConfig.EffectOverride> parsedOverrides() {
        return overrides.stream().map(GateConfig.EffectOverride::parse).toList();
    }
}
