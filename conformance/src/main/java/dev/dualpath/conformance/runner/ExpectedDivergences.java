package dev.dualpath.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cells (scenario × path) on which a plug-in is known to depart from the expected outcome, each
 * with what is observed and why, as an issue would say it. A declared cell that departs (fails its
 * expectation, or disagrees with the paths that are not excused) is reported as excused ({@code
 * DIVERGED}, ≈), never as a pass; a declared cell that no longer departs is {@code STALE} and fails
 * the suite, so the list cannot outlive the behaviour it excuses; a departure on a path the list
 * does not name fails as any other.
 *
 * <p>File format (a classpath resource):
 *
 * <pre>{@code
 * { "plugin": "openai-java",
 *   "entries": [
 *     { "scenario": "429-retry-after-ms",
 *       "paths": ["okhttp/blocking", "okhttp/async"],
 *       "observed": "what the paths do instead of the expected outcome",
 *       "reason": "why: the client's own behaviour, and how that was established",
 *       "intermittent": false } ] }
 * }</pre>
 *
 * {@code intermittent} (optional, default false) is for a race inside the client that a run may or
 * may not hit, such as a blocking read that ignores an interrupt while the next bytes are a moment
 * away: such a cell is excused when it departs and passes when it does not. Its {@code reason} must
 * say what the race is.
 *
 * <p>An undeclared departure prints the entry to add ({@link #entryToDeclare}); its {@code reason}
 * is {@link #REASON_PLACEHOLDER}, which the loader refuses, so the why must be written by a person.
 */
public final class ExpectedDivergences {

    /** What {@link #entryToDeclare} puts in {@code reason}; a file that keeps it does not load. */
    public static final String REASON_PLACEHOLDER =
            "<why: the client's own behaviour, and how that was established>";

    /** No expected divergence: every departure fails. */
    public static final ExpectedDivergences NONE = new ExpectedDivergences("(none)", List.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One declared departure.
     *
     * @param scenario the scenario id
     * @param paths the paths that depart, at least one
     * @param observed what they do instead, never blank
     * @param reason why, never blank
     * @param intermittent true when the departure is a race inside the client that a run may or may
     *     not hit: a run that does not hit it passes instead of failing as stale
     */
    public record Entry(
            String scenario,
            List<String> paths,
            String observed,
            String reason,
            boolean intermittent) {
        public Entry {
            paths = List.copyOf(paths);
        }

        /** A departure seen on every run. */
        public Entry(String scenario, List<String> paths, String observed, String reason) {
            this(scenario, paths, observed, reason, false);
        }
    }

    private final String resource;
    private final List<Entry> entries;
    private final Map<String, Map<String, Entry>> byScenarioAndPath = new LinkedHashMap<>();

    private ExpectedDivergences(String resource, List<Entry> entries) {
        this.resource = resource;
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            Entry e = this.entries.get(i);
            for (String path : e.paths()) {
                Entry before =
                        byScenarioAndPath
                                .computeIfAbsent(e.scenario(), k -> new LinkedHashMap<>())
                                .put(path, e);
                if (before != null) {
                    throw new IllegalArgumentException(
                            resource
                                    + ": entries["
                                    + i
                                    + "] declares "
                                    + e.scenario()
                                    + " on "
                                    + path
                                    + " a second time");
                }
            }
        }
    }

    /** Divergences from entries built in code (tests); {@code source} names them in messages. */
    public static ExpectedDivergences of(String source, List<Entry> entries) {
        return new ExpectedDivergences(source, entries);
    }

    /**
     * Loads a divergence file from the classpath.
     *
     * @throws IllegalArgumentException if the resource is missing, or an entry lacks a scenario,
     *     names no path, has a blank {@code observed} or {@code reason}, keeps {@link
     *     #REASON_PLACEHOLDER}, or declares a cell twice (naming the resource, the entry and the
     *     field)
     * @throws UncheckedIOException if it cannot be read or is not JSON
     */
    public static ExpectedDivergences load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "divergence file '" + resource + "' is not on the classpath");
            }
            JsonNode root = JSON.readTree(in);
            JsonNode list = root == null ? null : root.get("entries");
            if (list == null || !list.isArray()) {
                throw new IllegalArgumentException(
                        resource + ": field 'entries' must be an array (empty for none)");
            }
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                entries.add(entry(resource, "entries[" + i + "]", list.get(i)));
            }
            return new ExpectedDivergences(resource, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read divergence file '" + resource + "'", e);
        }
    }

    private static Entry entry(String resource, String at, JsonNode node) {
        String scenario = text(resource, at, node, "scenario");
        JsonNode paths = node.get("paths");
        if (paths == null || !paths.isArray() || paths.isEmpty()) {
            throw new IllegalArgumentException(
                    resource + ": field '" + at + ".paths' must list at least one path");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode p : paths) {
            if (!p.isTextual() || p.asText().isBlank()) {
                throw new IllegalArgumentException(
                        resource + ": field '" + at + ".paths' must hold path names");
            }
            names.add(p.asText());
        }
        String observed = text(resource, at, node, "observed");
        String reason = text(resource, at, node, "reason");
        if (reason.equals(REASON_PLACEHOLDER)) {
            throw new IllegalArgumentException(
                    resource
                            + ": field '"
                            + at
                            + ".reason' still holds the placeholder: say why the client"
                            + " behaves so, and how that was established");
        }
        JsonNode intermittent = node.get("intermittent");
        if (intermittent != null && !intermittent.isBoolean()) {
            throw new IllegalArgumentException(
                    resource + ": field '" + at + ".intermittent' must be true or false");
        }
        return new Entry(
                scenario,
                List.copyOf(names),
                observed,
                reason,
                intermittent != null && intermittent.asBoolean());
    }

    private static String text(String resource, String at, JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(
                    resource + ": field '" + at + "." + field + "' must be a non-blank string");
        }
        return v.asText();
    }

    /** The classpath resource (or source) the entries came from, for messages. */
    public String resource() {
        return resource;
    }

    /** The entry that excuses {@code path} on {@code scenarioId}, if any. */
    public Optional<Entry> entry(String scenarioId, String path) {
        Map<String, Entry> forScenario = byScenarioAndPath.get(scenarioId);
        return Optional.ofNullable(forScenario == null ? null : forScenario.get(path));
    }

    /** Every entry, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Checks the entries against what a runner can run.
     *
     * @throws IllegalArgumentException naming the resource and the entry, if one names a scenario
     *     that is not in {@code scenarioIds} or a path that is not in {@code paths}
     */
    public void requireKnown(Collection<String> scenarioIds, Collection<String> paths) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (!scenarioIds.contains(e.scenario())) {
                throw new IllegalArgumentException(
                        resource
                                + ": entries["
                                + i
                                + "].scenario '"
                                + e.scenario()
                                + "' is not in the catalogue");
            }
            for (String path : e.paths()) {
                if (!paths.contains(path)) {
                    throw new IllegalArgumentException(
                            resource
                                    + ": entries["
                                    + i
                                    + "].paths names '"
                                    + path
                                    + "', not a path of the plug-in "
                                    + paths);
                }
            }
        }
    }

    /**
     * What to do about an undeclared departure of {@code paths} on {@code scenarioId}: fix the
     * client, or, if it is the client's own behaviour, add the printed entry to this file (or, for
     * {@link #NONE}, to a divergence file of the plug-in) and write its reason.
     *
     * @param observed the departures; the first (abbreviated) becomes the entry's {@code observed}
     */
    public String howToDeclare(
            String plugin, String scenarioId, List<String> paths, List<String> observed) {
        String first = observed.isEmpty() ? "" : OutcomeDiff.abbreviate(observed.get(0));
        return "\n\nFix the client, or, if this is "
                + plugin
                + "'s own behaviour and not a bug, declare it: add this entry to \"entries\" in "
                + (this == NONE ? "a divergence file the suite's divergences() loads" : resource)
                + " and write its reason:\n  "
                + entryToDeclare(scenarioId, paths, first);
    }

    /**
     * The entry to add to {@code resource} to declare that {@code paths} depart from {@code
     * scenarioId} as {@code observed} says: one line of JSON, {@code reason} left as {@link
     * #REASON_PLACEHOLDER} for a person to write.
     */
    public static String entryToDeclare(String scenarioId, List<String> paths, String observed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("scenario", scenarioId);
        ArrayNode list = node.putArray("paths");
        paths.forEach(list::add);
        node.put("observed", observed);
        node.put("reason", REASON_PLACEHOLDER);
        return node.toString();
    }
}
