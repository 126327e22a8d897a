package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.ResponseMetrics;
import java.util.List;

/**
 * Expected server-side timing from {@code time_info} (deterministic, unlike client timing); null
 * fields are not checked. Doubles match within a relative 1e-9.
 *
 * @param present false to require that every server-side time (and {@code roundTripSeconds}, {@code
 *     completionTokensPerSecond}) is null
 * @param queueTimeSeconds or null
 * @param promptTimeSeconds or null
 * @param completionTimeSeconds or null
 * @param totalTimeSeconds or null
 * @param completionTokensPerSecond or null
 */
public record ExpectedTimeInfo(
        boolean present,
        Check<Double> queueTimeSeconds,
        Check<Double> promptTimeSeconds,
        Check<Double> completionTimeSeconds,
        Check<Double> totalTimeSeconds,
        Check<Double> completionTokensPerSecond) {

    /** No {@code time_info}. */
    public static final ExpectedTimeInfo ABSENT =
            new ExpectedTimeInfo(false, null, null, null, null, null);

    void mismatches(String at, ResponseMetrics m, List<String> out) {
        if (m == null) {
            out.add(at + ": the response has no metrics");
            return;
        }
        if (!present) {
            if (m.queueTimeSeconds() != null
                    || m.promptTimeSeconds() != null
                    || m.completionTimeSeconds() != null
                    || m.totalTimeSeconds() != null
                    || m.roundTripSeconds() != null
                    || m.completionTokensPerSecond() != null) {
                out.add(at + ": expected no server timing but metrics were " + m);
            }
            return;
        }
        Describe.check(out, at + ".queueTimeSeconds", queueTimeSeconds, m.queueTimeSeconds());
        Describe.check(out, at + ".promptTimeSeconds", promptTimeSeconds, m.promptTimeSeconds());
        Describe.check(
                out,
                at + ".completionTimeSeconds",
                completionTimeSeconds,
                m.completionTimeSeconds());
        Describe.check(out, at + ".totalTimeSeconds", totalTimeSeconds, m.totalTimeSeconds());
        Describe.check(
                out,
                at + ".completionTokensPerSecond",
                completionTokensPerSecond,
                m.completionTokensPerSecond());
    }
}
