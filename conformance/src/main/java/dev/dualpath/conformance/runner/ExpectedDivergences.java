package dev.dualpath.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualpath.conformance.result.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios on which a plug-in is known to depart from the expected outcome, each with the
 * reason: a finding to report, not a failure. A declared scenario that fails on a path (or whose
 * paths disagree) gets {@link Verdict#DIVERGED}; one that passes everywhere is reported as a stale
 * entry. The same mechanism holds the known failures of an adapter under repair.
 *
 * <p>File format (a classpath resource):
 *
 * <pre>{@code
 * { "plugin": "openai-java",
 *   "divergences": { "429-retry-after-ms": "why it differs", ... } }
 * }</pre>
 */
public final class ExpectedDivergences {

    /** No expected divergence: every mismatch fails. */
    public static final ExpectedDivergences NONE = new ExpectedDivergences(Map.of());

    private final Map<String, String> reasons;

    private ExpectedDivergences(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    /** Divergences from a map of scenario id to reason. */
    public static ExpectedDivergences of(Map<String, String> reasons) {
        return new ExpectedDivergences(reasons);
    }

    /**
     * Loads a divergence file from the classpath.
     *
     * @throws IllegalArgumentException if the resource is missing, or an entry has a blank reason
     *     (naming the resource and the entry)
     * @throws UncheckedIOException if it cannot be read or is not JSON
     */
    public static ExpectedDivergences load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "divergence file '" + resource + "' is not on the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, String> reasons = new LinkedHashMap<>();
            JsonNode entries = root.path("divergences");
            for (Map.Entry<String, JsonNode> e : entries.properties()) {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new IllegalArgumentException(
                            resource
                                    + ": field 'divergences."
                                    + e.getKey()
                                    + "' must be a non-blank reason");
                }
                reasons.put(e.getKey(), e.getValue().asText());
            }
            return new ExpectedDivergences(reasons);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read divergence file '" + resource + "'", e);
        }
    }

    /** The declared reason for {@code scenarioId}, if any. */
    public Optional<String> reason(String scenarioId) {
        return Optional.ofNullable(reasons.get(scenarioId));
    }

    /** Every entry, scenario id to reason. */
    public Map<String, String> all() {
        return reasons;
    }
}
