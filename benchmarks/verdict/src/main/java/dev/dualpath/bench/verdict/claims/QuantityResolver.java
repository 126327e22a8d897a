package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.jmh.RefusedPaths;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a claim's {@link Quantity} into units (milliseconds for times), or explains why it cannot.
 *
 * <p>A quantity naming a benchmark (or params) absent from the run is an input error naming the
 * claims file and field, unless its evaluation declares {@code requiresProfile} and the run was not
 * of that profile: then it is "not measured in this profile", which makes the claim NOT_MEASURED.
 * One whose params name a path the run's conformance step refused ({@link RefusedPaths}) makes it
 * INCONCLUSIVE. A param that the benchmark's series in the run do not have at all is not a filter:
 * the run predates it, and the resolved source says so. A series measured on a disturbed machine
 * ({@link RunDisturbance}) resolves, marked as such.
 */
final class QuantityResolver {

    /**
     * Either units or the reason there are none; {@code failures} says, for the time of a real-SDK
     * pattern that failed calls, how many and how (null otherwise); {@code disturbed} says, for a
     * JMH series with forks measured on a disturbed machine, which and why (null otherwise); {@code
     * rounds} names, for a JMH series whose forks ran interleaved one per round ({@link
     * ForkRounds}), the plan whose rounds they ran in (null otherwise): quantities with the same
     * {@code rounds} pair fork by fork; {@code disturbedForks} are the indices of the forks behind
     * {@code disturbed} (empty when none); {@code otherProfile} is true when the units are absent
     * because they come from a profile this run did not run; {@code timePerOp} is true for a time
     * per operation, which a disturbance can only have made larger.
     */
    record Resolved(
            Units units,
            String source,
            String absentReason,
            String failures,
            String disturbed,
            String rounds,
            java.util.Set<Integer> disturbedForks,
            boolean otherProfile,
            boolean timePerOp) {
        Resolved(Units units, String source, String absentReason) {
            this(units, source, absentReason, null, null, null, java.util.Set.of(), false, false);
        }

        Resolved(Units units, String source, String absentReason, String failures) {
            this(
                    units,
                    source,
                    absentReason,
                    failures,
                    null,
                    null,
                    java.util.Set.of(),
                    false,
                    false);
        }

        /** Absent because only {@code profile}'s plans measure it; {@code why} says so. */
        static Resolved notInThisProfile(String why) {
            return new Resolved(null, "", why, null, null, null, java.util.Set.of(), true, false);
        }

        boolean present() {
            return absentReason == null;
        }
    }

    private final Path claimsFile;
    private final JmhRun run;
    private final RunEnvironment env;
    private final PythonSource python;
    private final SdkSource sdk;
    private RefusedPaths refused; // read at the first JMH quantity
    private ForkRounds rounds; // read at the first JMH quantity
    private final RunDisturbance disturbance;

    QuantityResolver(
            Path claimsFile, JmhRun run, RunEnvironment env, PythonSource python, SdkSource sdk) {
        this.claimsFile = claimsFile;
        this.run = run;
        this.env = env;
        this.python = python;
        this.sdk = sdk;
        this.disturbance = RunDisturbance.of(run, DisturbanceRule.DEFAULT);
    }

    Resolved resolve(Quantity q, Evaluation ev, String field) {
        if (q instanceof Quantity.Python p) return python(p, ev, field);
        if (q instanceof Quantity.Sdk s) return sdk(s, field);
        return jmh((Quantity.Jmh) q, ev, field);
    }

    private Resolved sdk(Quantity.Sdk q, String field) {
        requireResolved(q.pattern(), field + ".pattern");
        String source = "sdk:" + q.pattern() + "." + q.metric().jsonName();
        if (sdk.replay().isEmpty()) return new Resolved(null, source, sdk.absentReason());
        SdkReplay replay = sdk.replay().get();
        SdkReplay.Pattern pattern = replay.patterns().get(q.pattern());
        if (pattern == null) {
            throw new InputException(
                    claimsFile,
                    field + ".pattern",
                    "pattern '"
                            + q.pattern()
                            + "' not in "
                            + replay.file()
                            + " (has "
                            + replay.patterns().keySet()
                            + ")");
        }
        Units units = pattern.units(q.metric());
        if (units.size() == 0) {
            return new Resolved(
                    null,
                    source,
                    "no usable data for "
                            + source
                            + pattern.failureSummary().map(f -> ": " + f).orElse(""));
        }
        String failures = q.metric().isTime() ? pattern.failureSummary().orElse(null) : null;
        return new Resolved(units, source, null, failures);
    }

    private Resolved python(Quantity.Python q, Evaluation ev, String field) {
        requireResolved(q.series(), field + ".series");
        if (python.replay().isEmpty()) return new Resolved(null, q.series(), python.absentReason());
        PythonReplay replay = python.replay().get();
        if (!replay.samplesNs().containsKey(q.series())) {
            if (ev.optional()) {
                return new Resolved(
                        null,
                        q.series(),
                        "series '"
                                + q.series()
                                + "' not in "
                                + replay.file().getFileName()
                                + " (an older asyncio_replay.py did not record it)");
            }
            throw new InputException(
                    claimsFile,
                    field + ".series",
                    "series '"
                            + q.series()
                            + "' not in "
                            + replay.file()
                            + " (has "
                            + replay.seriesNames()
                            + ")");
        }
        return new Resolved(replay.units(q.series()), "python:" + q.series(), null);
    }

    private Resolved jmh(Quantity.Jmh q, Evaluation ev, String field) {
        requireResolved(q.benchmark(), field + ".benchmark");
        q.params().forEach((k, v) -> requireResolved(v, field + ".params." + k));
        List<Measurement> named =
                run.measurements().stream()
                        .filter(m -> m.id().benchmark().equals(q.benchmark()))
                        .toList();
        Optional<String> refusal = refusal(q);
        if (refusal.isPresent() && (named.isEmpty() || !matchesAny(named, q))) {
            return new Resolved(null, "", refusal.get());
        }
        if (named.isEmpty()) {
            return absent(
                    ev,
                    field + ".benchmark",
                    "benchmark '" + q.benchmark() + "' is not in " + run.file().getFileName());
        }
        List<Measurement> matches =
                named.stream()
                        .filter(m -> q.mode() == null || m.id().mode().equals(q.mode()))
                        .filter(m -> Objects.equals(m.id().secondary(), q.secondary()))
                        .filter(m -> paramsMatch(m, q, named))
                        .toList();
        if (matches.isEmpty()) {
            return absent(
                    ev,
                    field + ".params",
                    "no series of '"
                            + q.benchmark()
                            + "' with mode "
                            + (q.mode() == null ? "any" : q.mode())
                            + " and params "
                            + new java.util.TreeMap<>(q.params())
                            + (q.secondary() == null ? "" : " and secondary " + q.secondary())
                            + " in "
                            + run.file().getFileName());
        }
        if (matches.size() > 1) {
            throw new InputException(
                    claimsFile,
                    field + ".params",
                    matches.size()
                            + " series match "
                            + q.params()
                            + "; name more params or the mode");
        }
        Measurement m = matches.get(0);
        Units u = m.units();
        return new Resolved(
                u.times(toMillis(m.unit())),
                m.id().display() + unrecorded(named, q),
                u.size() == 0 ? "no usable data for " + m.id().display() : null,
                null,
                disturbance.reason(m.id()).map(why -> m.id().display() + ": " + why).orElse(null),
                roundsOf(m),
                u.basis() == Units.Basis.FORKS
                        ? disturbance.disturbedForks(m.id())
                        : java.util.Set.of(),
                false,
                MILLIS_PER_UNIT.containsKey(m.unit().toLowerCase(Locale.ROOT)));
    }

    /** The plan whose rounds {@code m}'s forks ran in, one per round; null if not interleaved. */
    private String roundsOf(Measurement m) {
        ForkRounds r = forkRounds();
        return r.rounds(m.id())
                .filter(n -> n == m.units().size() && m.units().basis() == Units.Basis.FORKS)
                .map(n -> r.planLabel(m.id()) + " (" + n + " rounds)")
                .orElse(null);
    }

    private ForkRounds forkRounds() {
        ForkRounds r = rounds;
        if (r == null) {
            r = besideRun(RunFolder.ROUNDS_JSON, ForkRounds::read, ForkRounds.NONE);
            rounds = r;
        }
        return r;
    }

    /** Reads the run folder's file {@code name}, or {@code none} for a run with no folder. */
    private <T> T besideRun(String name, java.util.function.Function<Path, T> read, T none) {
        Path folder = run.file().toAbsolutePath().getParent();
        return folder == null ? none : read.apply(folder.resolve(name));
    }

    /**
     * Why the run has no series for {@code q}: one of its params names a path the conformance step
     * refused to benchmark.
     */
    private Optional<String> refusal(Quantity.Jmh q) {
        RefusedPaths refused = refusedPaths();
        return q.params().values().stream()
                .flatMap(v -> refused.reason(v).map(why -> v + ": " + why).stream())
                .findFirst()
                .map(
                        why ->
                                "not measured: the conformance step refused to benchmark "
                                        + why
                                        + " (fix the path, then run again)");
    }

    private static boolean matchesAny(List<Measurement> named, Quantity.Jmh q) {
        return named.stream().anyMatch(m -> paramsMatch(m, q, named));
    }

    /**
     * Whether {@code m} has the quantity's params. A param that no series of the benchmark in this
     * run has at all does not filter: the run predates it (a {@code @Param} added later, such as
     * the body size), and the resolved source says so ({@link #unrecorded}).
     */
    private static boolean paramsMatch(Measurement m, Quantity.Jmh q, List<Measurement> named) {
        return q.params().entrySet().stream()
                .filter(e -> recorded(named, e.getKey()))
                .allMatch(e -> e.getValue().equals(m.id().params().get(e.getKey())));
    }

    private static boolean recorded(List<Measurement> named, String param) {
        return named.stream().anyMatch(n -> n.id().params().containsKey(param));
    }

    /** The quantity's params the run never recorded, e.g. " (the run predates bodyBytes)". */
    private static String unrecorded(List<Measurement> named, Quantity.Jmh q) {
        List<String> keys = q.params().keySet().stream().filter(k -> !recorded(named, k)).toList();
        return keys.isEmpty() ? "" : " (the run predates " + String.join(", ", keys) + ")";
    }

    private RefusedPaths refusedPaths() {
        RefusedPaths r = refused;
        if (r == null) {
            r = besideRun(RunFolder.REFUSED_JSON, RefusedPaths::read, RefusedPaths.NONE);
            refused = r;
        }
        return r;
    }

    private Resolved absent(Evaluation ev, String field, String what) {
        if (ev.optional()) {
            return new Resolved(null, "", "not in this run: " + what);
        }
        String needed = ev.requiresProfile();
        if (needed != null && !needed.equals(env.profile())) {
            return Resolved.notInThisProfile(
                    "needs the '"
                            + needed
                            + "' profile (run profile: "
                            + env.profile()
                            + "): "
                            + what);
        }
        throw new InputException(claimsFile, field, what);
    }

    private void requireResolved(String value, String field) {
        if (Placeholders.hasPlaceholder(value)) {
            throw new InputException(
                    claimsFile,
                    field,
                    "placeholder in '" + value + "' not defined by the claim's subject");
        }
    }

    /** Factor turning a JMH time-per-op unit into ms/op; 1 for any other unit. */
    static double toMillis(String unit) {
        return MILLIS_PER_UNIT.getOrDefault(unit.toLowerCase(Locale.ROOT), 1.0);
    }

    /** JMH's units of time per operation, in milliseconds. */
    private static final Map<String, Double> MILLIS_PER_UNIT =
            Map.of("ns/op", 1e-6, "us/op", 1e-3, "ms/op", 1.0, "s/op", 1e3);
}
