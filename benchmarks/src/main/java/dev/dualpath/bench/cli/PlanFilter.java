package dev.dualpath.bench.cli;

import dev.dualpath.bench.run.DeclaredBenchmarks;
import dev.dualpath.bench.run.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code run --only} and {@code run --param}: a subset of a profile, with parameters overridden.
 */
final class PlanFilter {

    /** The prefix of an {@code --only} text that must equal a plan's label. */
    static final String EXACT = "=";

    private PlanFilter() {}

    /**
     * @param plans a profile's plans
     * @param only keep plans whose label or include pattern contains one of these, or whose label
     *     equals one given as {@code =LABEL} (case-insensitive); all when empty
     * @param params {@code @Param} overrides, {@code NAME -> "V1,V2"}, applied to every kept plan
     * @return the plans to run
     * @throws IllegalArgumentException naming {@code --only} if nothing is left, or {@code --param}
     *     if a value list is empty
     */
    static List<Plan> apply(List<Plan> plans, List<String> only, Map<String, String> params) {
        List<Plan> kept = new ArrayList<>();
        for (Plan plan : plans) {
            if (only.isEmpty() || only.stream().anyMatch(o -> matches(plan, o))) {
                kept.add(plan);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(
                    "--only " + only + " matches no plan of this profile");
        }
        for (String name : params.keySet()) {
            // JMH ignores a parameter no benchmark declares, so a misspelt name would run the
            // profile's own values and look like an answer to the question asked.
            if (kept.stream().noneMatch(p -> declares(p, name))) {
                throw new IllegalArgumentException(
                        "--param "
                                + name
                                + ": no benchmark of the chosen plans has a @Param of that name"
                                + " (names are case-sensitive)");
            }
        }
        return kept.stream()
                .map(p -> params.isEmpty() ? p : p.withParams(merged(p, params)))
                .toList();
    }

    private static boolean declares(Plan plan, String param) {
        return !DeclaredBenchmarks.values(plan, param).isEmpty();
    }

    /**
     * The plans with {@code forks} forks each, for {@code --forks}: the planner's "about N forks
     * would decide it" is only useful if a user can ask for N.
     *
     * @param forks the fork count for every plan, or null to keep each plan's own
     * @throws IllegalArgumentException naming {@code --forks} if {@code forks} is below 1
     */
    static List<Plan> withForks(List<Plan> plans, @Nullable Integer forks) {
        if (forks == null) {
            return plans;
        }
        if (forks < 1) {
            throw new IllegalArgumentException("--forks must be at least 1, was " + forks);
        }
        return plans.stream().map(p -> p.withForks(forks)).toList();
    }

    /**
     * All of {@code run}'s plan options, in the order they apply: {@code --only} and {@code -p}
     * ({@link #apply}), then {@code --forks} ({@link #withForks}), then {@code --min-warmup}
     * ({@link #withMinimumWarmup}); a null option leaves the plans as they are.
     *
     * @throws IllegalArgumentException naming the option, as each step does
     */
    static List<Plan> select(
            List<Plan> plans,
            List<String> only,
            Map<String, String> params,
            @Nullable Integer forks,
            @Nullable Integer minWarmup) {
        return withMinimumWarmup(withForks(apply(plans, only, params), forks), minWarmup);
    }

    /**
     * {@code plans} with every series warming up for at least {@code iterations} iterations, or
     * unchanged when null.
     *
     * @throws IllegalArgumentException naming the option if {@code iterations} is below 1
     */
    static List<Plan> withMinimumWarmup(List<Plan> plans, @Nullable Integer iterations) {
        if (iterations == null) {
            return plans;
        }
        if (iterations < 1) {
            throw new IllegalArgumentException(
                    "--min-warmup must be at least 1, was " + iterations);
        }
        return plans.stream().map(p -> p.withMinimumWarmup(iterations)).toList();
    }

    /**
     * Whether {@code text} picks {@code plan}: its label or include pattern contains it, or, for a
     * text starting with {@code =}, its label is exactly the rest. The exact form exists because
     * several plans of one profile share a word ("loopback", "loopback body sizes", "loopback 1500
     * ms"): with {@code -p} overriding what tells them apart, a contained word would measure the
     * same series once per plan.
     */
    static boolean matches(Plan plan, String text) {
        if (text.startsWith(EXACT)) {
            return plan.label().equalsIgnoreCase(text.substring(EXACT.length()).strip());
        }
        String t = text.toLowerCase(Locale.ROOT);
        return plan.label().toLowerCase(Locale.ROOT).contains(t)
                || plan.include().toLowerCase(Locale.ROOT).contains(t);
    }

    private static Map<String, List<String>> merged(Plan plan, Map<String, String> overrides) {
        Map<String, List<String>> out = new LinkedHashMap<>(plan.params());
        overrides.forEach(
                (name, values) -> {
                    if (!declares(plan, name)) {
                        return;
                    }
                    List<String> list =
                            List.of(values.split(",")).stream()
                                    .map(String::trim)
                                    .filter(v -> !v.isEmpty())
                                    .toList();
                    if (list.isEmpty()) {
                        throw new IllegalArgumentException("--param " + name + ": no value given");
                    }
                    out.put(name, list);
                });
        return out;
    }
}
