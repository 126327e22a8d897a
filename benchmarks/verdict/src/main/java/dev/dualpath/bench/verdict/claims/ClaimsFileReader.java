package dev.dualpath.bench.verdict.claims;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a claims file. Schema (version 1):
 *
 * <pre>
 * {
 *   "schemaVersion": 1,
 *   "profiles": ["smoke", "quick", "full"],   optional: every requiresProfile must be one of them
 *   "subjects": { "DIRECT": {"path": "DIRECT", "series": "direct_call"}, ... },
 *   "claims": [ {
 *     "id": "sync-overhead-100x",                 unique
 *     "source": "verbatim quote",     from the write-up, as docs/origin.md quotes it
 *     "statement": "the claim as a checkable statement",
 *     "kind": "at_least" | "at_most" | "approx" | "ratio_at_least",
 *     "target": 100,
 *     "tolerance": {"relative": 0.1, "absolute": 0},    optional, default 0
 *     "unit": "x" | "ms" | "fraction" | ...,
 *     "absolute": false,              true: an absolute figure from the original machine
 *     "subjects": ["DIRECT", "SEED_LITERAL"],          optional
 *     "java":   { "quantities": { "name": {"benchmark": "...", "mode": "avgt",
 *                                          "params": {"path": "${path}"}, "secondary": null} },
 *                 "expression": "(a - b) / a", "requiresProfile": "full", "note": "...",
 *                 "optional": false },     true: data absent from the run is INCONCLUSIVE
 *     "python": { "quantities": { "name": {"series": "${series}"} }, "expression": "..." },
 *     "python_sdk": { "quantities": { "name": {"pattern": "${sdk}", "metric": "median_ms"} },
 *                     "expression": "..." }
 *   } ]
 * }
 * </pre>
 *
 * Every problem is reported as an {@link InputException} naming the file and the field, e.g. {@code
 * claims[3].java.expression}.
 */
public final class ClaimsFileReader {

    /**
     * Reads and validates a claims file.
     *
     * @param file the claims file
     * @return the validated claims
     * @throws InputException if the file is missing, not JSON, or any field is absent or invalid
     */
    public ClaimsFile read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) throw new InputException(file, "(root)", "expected a JSON object");
        int version = root.path("schemaVersion").asInt(-1);
        if (version != 1)
            throw new InputException(
                    file, "schemaVersion", "expected 1, was " + root.get("schemaVersion"));
        Map<String, Map<String, String>> subjects = subjects(file, root.path("subjects"));
        JsonNode arr = root.get("claims");
        if (arr == null || !arr.isArray())
            throw new InputException(file, "claims", "missing or not an array");
        List<Claim> claims = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            Claim c = claim(file, arr.get(i), i, subjects);
            if (!ids.add(c.id()))
                throw new InputException(
                        file, "claims[" + i + "].id", "duplicate id '" + c.id() + "'");
            claims.add(c);
        }
        checkProfiles(file, root.get("profiles"), claims);
        return new ClaimsFile(file, subjects, claims);
    }

    /**
     * With a top-level {@code profiles} list (the suite's profile names), every {@code
     * requiresProfile} must name one of them: a misspelt one would leave its claim NOT_MEASURED in
     * every run, without a word. Without the list nothing is checked: the verdict code gates any
     * JMH suite and does not know its profiles.
     */
    private static void checkProfiles(Path file, JsonNode node, List<Claim> claims) {
        if (node == null) return;
        if (!node.isArray() || node.isEmpty())
            throw new InputException(file, "profiles", "expected a non-empty array of names");
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode name : node) {
            if (!name.isTextual() || name.asText().isBlank())
                throw new InputException(file, "profiles", "expected names, found " + name);
            names.add(name.asText());
        }
        for (Claim claim : claims) {
            for (Side side : Side.values()) {
                Evaluation ev = claim.side(side).orElse(null);
                if (ev != null
                        && ev.requiresProfile() != null
                        && !names.contains(ev.requiresProfile())) {
                    throw new InputException(
                            file,
                            ev.field() + ".requiresProfile",
                            "unknown profile '"
                                    + ev.requiresProfile()
                                    + "' (profiles: "
                                    + String.join(", ", names)
                                    + ")");
                }
            }
        }
    }

    private static Map<String, Map<String, String>> subjects(Path file, JsonNode node) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (node.isMissingNode()) return out;
        if (!node.isObject()) throw new InputException(file, "subjects", "expected an object");
        node.properties()
                .forEach(
                        e -> {
                            if (!e.getValue().isObject())
                                throw new InputException(
                                        file, "subjects." + e.getKey(), "expected an object");
                            Map<String, String> vars = new LinkedHashMap<>();
                            e.getValue()
                                    .properties()
                                    .forEach(v -> vars.put(v.getKey(), v.getValue().asText()));
                            out.put(e.getKey(), vars);
                        });
        return out;
    }

    private static Claim claim(
            Path file, JsonNode n, int i, Map<String, Map<String, String>> subjects) {
        String at = "claims[" + i + "]";
        if (!n.isObject()) throw new InputException(file, at, "expected an object");
        String id = text(file, n, "id", at);
        String kindName = text(file, n, "kind", at);
        ClaimKind kind = ClaimKind.fromJson(kindName);
        if (kind == null) {
            throw new InputException(
                    file,
                    at + ".kind",
                    "unknown kind '" + kindName + "' (at_least, at_most, approx, ratio_at_least)");
        }
        JsonNode target = n.get("target");
        if (target == null || !target.isNumber())
            throw new InputException(file, at + ".target", "missing or not a number");
        Tolerance tolerance = tolerance(file, n.path("tolerance"), at + ".tolerance");
        List<String> subjectNames = new ArrayList<>();
        JsonNode subs = n.path("subjects");
        if (!subs.isMissingNode() && !subs.isArray())
            throw new InputException(file, at + ".subjects", "expected an array");
        for (int s = 0; s < subs.size(); s++) {
            String name = subs.get(s).asText();
            if (!subjects.containsKey(name)) {
                throw new InputException(
                        file,
                        at + ".subjects[" + s + "]",
                        "unknown subject '" + name + "' (not in top-level subjects)");
            }
            subjectNames.add(name);
        }
        Map<Side, Evaluation> sides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            JsonNode e = n.get(side.jsonKey());
            if (e != null && !e.isNull())
                sides.put(side, evaluation(file, e, at + "." + side.jsonKey(), side));
        }
        if (sides.isEmpty())
            throw new InputException(
                    file, at, "needs a \"java\", \"python\" or \"python_sdk\" evaluation");
        if (kind == ClaimKind.RATIO_AT_LEAST) {
            sides.values()
                    .forEach(
                            ev -> {
                                if (!(ev.expression() instanceof Expression.Binary b
                                        && b.op() == '/')) {
                                    throw new InputException(
                                            file,
                                            ev.field() + ".expression",
                                            "ratio_at_least needs a top-level division");
                                }
                            });
        }
        return new Claim(
                id,
                text(file, n, "source", at),
                text(file, n, "statement", at),
                kind,
                target.doubleValue(),
                tolerance,
                text(file, n, "unit", at),
                n.path("absolute").asBoolean(false),
                subjectNames,
                sides,
                i);
    }

    private static Tolerance tolerance(Path file, JsonNode n, String at) {
        if (n.isMissingNode() || n.isNull()) return Tolerance.NONE;
        if (!n.isObject())
            throw new InputException(file, at, "expected {\"relative\": r, \"absolute\": a}");
        try {
            return new Tolerance(n.path("relative").asDouble(0), n.path("absolute").asDouble(0));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, at, e.getMessage());
        }
    }

    private static Evaluation evaluation(Path file, JsonNode n, String at, Side side) {
        if (!n.isObject()) throw new InputException(file, at, "expected an object");
        JsonNode qs = n.get("quantities");
        if (qs == null || !qs.isObject() || qs.isEmpty()) {
            throw new InputException(file, at + ".quantities", "missing or empty object");
        }
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        qs.properties()
                .forEach(
                        e ->
                                quantities.put(
                                        e.getKey(),
                                        quantity(
                                                file,
                                                e.getValue(),
                                                at + ".quantities." + e.getKey(),
                                                side)));
        String text = text(file, n, "expression", at);
        Expression expr;
        try {
            expr = Expression.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, at + ".expression", e.getMessage());
        }
        for (String v : expr.variables()) {
            if (!quantities.containsKey(v)) {
                throw new InputException(
                        file,
                        at + ".expression",
                        "unknown quantity '" + v + "' (not in quantities)");
            }
        }
        return new Evaluation(
                quantities,
                text,
                expr,
                optional(n, "requiresProfile"),
                optional(n, "note"),
                at,
                n.path("optional").asBoolean(false));
    }

    private static Quantity quantity(Path file, JsonNode n, String at, Side side) {
        if (!n.isObject()) throw new InputException(file, at, "expected an object");
        if (side == Side.PYTHON) return new Quantity.Python(text(file, n, "series", at));
        if (side == Side.PYTHON_SDK) {
            String metricName = optional(n, "metric");
            SdkMetric metric =
                    metricName == null ? SdkMetric.MEDIAN_MS : SdkMetric.fromJson(metricName);
            if (metric == null) {
                throw new InputException(
                        file,
                        at + ".metric",
                        "unknown metric '"
                                + metricName
                                + "' (median_ms, failure_rate, loops_per_call,"
                                + " connections_per_call)");
            }
            return new Quantity.Sdk(text(file, n, "pattern", at), metric);
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = n.path("params");
        if (!p.isMissingNode() && !p.isObject())
            throw new InputException(file, at + ".params", "expected an object");
        p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        return new Quantity.Jmh(
                text(file, n, "benchmark", at),
                optional(n, "mode"),
                params,
                optional(n, "secondary"));
    }

    private static String text(Path file, JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InputException(file, at + "." + name, "missing or not a non-empty string");
        }
        return v.asText();
    }

    private static String optional(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
