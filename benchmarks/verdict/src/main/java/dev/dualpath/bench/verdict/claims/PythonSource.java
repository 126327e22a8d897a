package dev.dualpath.bench.verdict.claims;

import java.util.Optional;

/**
 * The Python replay available to a claims check, or why there is none.
 *
 * @param replay the samples, if present
 * @param absentReason why there are none (e.g. "python replay not present: run/python-replay.json")
 */
public record PythonSource(Optional<PythonReplay> replay, String absentReason) {

    /** A present replay. */
    public static PythonSource of(PythonReplay replay) {
        return new PythonSource(Optional.of(replay), "");
    }

    /** No replay, for the given reason. */
    public static PythonSource absent(String reason) {
        return new PythonSource(Optional.empty(), reason);
    }

    /** One line for a report header. */
    public String describe() {
        return replay.map(
                        r ->
                                "Python "
                                        + r.python()
                                        + ", "
                                        + r.cpuCount()
                                        + " CPUs, "
                                        + r.date()
                                        + " ("
                                        + r.file().getFileName()
                                        + ")")
                .orElse(absentReason);
    }
}
