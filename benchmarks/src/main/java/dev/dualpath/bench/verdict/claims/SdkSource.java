package dev.dualpath.bench.verdict.claims;

import java.util.Optional;

/**
 * The real-SDK replay available to a claims check, or why there is none (e.g. "pip could not
 * install sdk-requirements.txt (exit 1): ...").
 *
 * @param replay the measurements, if present
 * @param absentReason why there are none (empty when present)
 */
public record SdkSource(Optional<SdkReplay> replay, String absentReason) {

    /** A present replay. */
    public static SdkSource of(SdkReplay replay) {
        return new SdkSource(Optional.of(replay), "");
    }

    /** No replay, for the given reason. */
    public static SdkSource absent(String reason) {
        return new SdkSource(Optional.empty(), reason);
    }

    /** One line for a report header. */
    public String describe() {
        return replay.map(
                        r ->
                                "Python "
                                        + r.python()
                                        + ", openai "
                                        + r.packages().getOrDefault("openai", "?")
                                        + ", "
                                        + r.cpuCount()
                                        + " CPUs, "
                                        + r.date()
                                        + " ("
                                        + r.file().getFileName()
                                        + ")")
                .orElse("not measured: " + absentReason);
    }
}
