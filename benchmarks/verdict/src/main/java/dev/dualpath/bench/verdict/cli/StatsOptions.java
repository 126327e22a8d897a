package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import picocli.CommandLine.Option;

/** Bootstrap options shared by the commands. */
final class StatsOptions {

    @Option(
            names = "--confidence",
            defaultValue = "0.95",
            paramLabel = "LEVEL",
            description = "Two-sided confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
            names = "--resamples",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Bootstrap resamples, >= 1000 (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "SEED",
            description = "Bootstrap RNG seed; same seed, same report (default: ${DEFAULT-VALUE}).")
    long seed;

    BootstrapSettings settings() {
        return new BootstrapSettings(resamples, confidence, seed);
    }
}
