package dev.dualpath.conformance.scenario;

import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every scenario on the classpath, validated. The files are {@code scenarios/<group>/<id>.json};
 * the build writes {@code scenarios/index.txt} listing them (one classpath path per line), which is
 * how they are found both in {@code target/classes} and inside a jar.
 *
 * <pre>{@code
 * ScenarioCatalog catalog = ScenarioCatalog.load();
 * for (Scenario s : catalog.all()) {
 *     URI base = fake.apply(s.server());
 *     ...
 * }
 * }</pre>
 */
public final class ScenarioCatalog {

    /** Where the build writes the index. */
    public static final String INDEX = "scenarios/index.txt";

    private final Map<String, Scenario> byId;

    private ScenarioCatalog(Map<String, Scenario> byId) {
        this.byId = byId;
    }

    /**
     * Loads {@link #INDEX} and every file it lists with this class's class loader.
     *
     * @throws ScenarioFormatException naming the file and field of the first invalid scenario
     * @throws IllegalStateException if the index or a listed file is missing
     */
    public static ScenarioCatalog load() {
        return load(ScenarioCatalog.class.getClassLoader(), INDEX);
    }

    /**
     * Loads the index at {@code indexResource} and every file it lists (paths relative to the
     * classpath root, blank lines and {@code #} comments ignored), then checks the catalogue as a
     * whole: unique ids, and every {@code run.mix} member present and mixable.
     *
     * @throws ScenarioFormatException naming the file and field of the first invalid scenario
     * @throws IllegalStateException if the index or a listed file is missing
     */
    public static ScenarioCatalog load(ClassLoader loader, String indexResource) {
        Map<String, Scenario> byId = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (String file : readLines(loader, indexResource)) {
            Scenario scenario = parse(file, read(loader, file));
            String previous = fileOf.putIfAbsent(scenario.id(), file);
            if (previous != null) {
                throw new ScenarioFormatException(
                        file, "id", "duplicates the id of " + previous, null);
            }
            byId.put(scenario.id(), scenario);
        }
        byId.values().forEach(s -> checkMix(s, byId, fileOf.get(s.id())));
        List<Scenario> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(Scenario::group).thenComparing(Scenario::id));
        Map<String, Scenario> ordered = new LinkedHashMap<>();
        sorted.forEach(s -> ordered.put(s.id(), s));
        return new ScenarioCatalog(Collections.unmodifiableMap(ordered));
    }

    /**
     * Parses one scenario file.
     *
     * @param file the classpath path, e.g. {@code scenarios/errors/401-top-level.json}: its name
     *     must be {@code <id>.json} and its folder the {@code group}
     * @throws ScenarioFormatException naming {@code file} and the field
     */
    public static Scenario parse(String file, byte[] json) {
        return ScenarioParser.parse(file, json);
    }

    /** Every scenario, ordered by group then id. */
    public List<Scenario> all() {
        return List.copyOf(byId.values());
    }

    /** The number of scenarios. */
    public int size() {
        return byId.size();
    }

    /** The scenario with this id, if any. */
    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The scenario with this id.
     *
     * @throws NoSuchElementException if there is no scenario with this id
     */
    public Scenario get(String id) {
        return find(id).orElseThrow(
                        () -> new NoSuchElementException("no scenario with id '" + id + "'"));
    }

    /** The scenarios of one group (folder), ordered by id; empty for an unknown group. */
    public List<Scenario> group(String group) {
        return byId.values().stream().filter(s -> s.group().equals(group)).toList();
    }

    /** The groups present, sorted. */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        byId.values().forEach(s -> groups.add(s.group()));
        return Collections.unmodifiableSet(groups);
    }

    /** The scenarios a mix plays, in {@code run.mix} order; empty if {@code mix} is not a mix. */
    public List<Scenario> mixMembers(Scenario mix) {
        return mix.run().mix().stream().map(this::get).toList();
    }

    private static void checkMix(Scenario s, Map<String, Scenario> byId, String file) {
        List<String> mix = s.run().mix();
        for (int i = 0; i < mix.size(); i++) {
            String field = "run.mix[" + i + "]";
            Scenario member = byId.get(mix.get(i));
            if (member == null) {
                throw new ScenarioFormatException(
                        file, field, "names no scenario: '" + mix.get(i) + "'", null);
            }
            List<AttemptScript> attempts =
                    member.server() == null ? List.of() : member.server().attempts();
            // A batch routes each item to its own copy of the script, so an item may play several
            // attempts; parallel calls of one member share the script's state, so they may not.
            boolean oneAttempt = attempts.size() == 1 && member.server().repeatLast();
            if ((!oneAttempt && s.batch() == null)
                    || member.server() == null
                    || member.server().backend() != Backend.WIREMOCK
                    || member.action() != null
                    || member.run().calls() != 1) {
                throw new ScenarioFormatException(
                        file,
                        field,
                        "'"
                                + member.id()
                                + "' cannot be mixed: a member must be "
                                + (s.batch() == null
                                        ? "one WireMock attempt with repeatLast"
                                        : "played by WireMock")
                                + ", no action, one call",
                        null);
            }
            if (member.client().maxRetries() != s.client().maxRetries()) {
                throw new ScenarioFormatException(
                        file,
                        field,
                        "'"
                                + member.id()
                                + "' has maxRetries "
                                + member.client().maxRetries()
                                + " but the mix has "
                                + s.client().maxRetries(),
                        null);
            }
        }
    }

    private static List<String> readLines(ClassLoader loader, String indexResource) {
        String text = new String(read(loader, indexResource), StandardCharsets.UTF_8);
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .sorted()
                .toList();
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "classpath resource '"
                                + resource
                                + "' is missing"
                                + (resource.endsWith("index.txt")
                                        ? " (the build writes it in process-resources)"
                                        : ""));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource '" + resource + "'", e);
        }
    }
}
