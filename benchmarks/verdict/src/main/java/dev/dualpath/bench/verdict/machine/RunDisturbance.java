package dev.dualpath.bench.verdict.machine;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which series of a run rest on forks measured on a disturbed machine, read from the {@code
 * machine.*} secondaries that {@code dualpath run} records per iteration (other processes' CPU,
 * steal, load, a calibration loop) and judged by a {@link DisturbanceRule}. The reference
 * calibration is the best one of the whole run. A fork whose JIT was still compiling while it was
 * measured ({@value #JIT} over the run's iteration time) is flagged by the same rule: its figure is
 * no more the steady state than one taken beside a build.
 *
 * <p>CPU used by the benchmark's own stub (its {@code stub.cpu.util} secondary, when the stub runs
 * in its own process) is not "other processes": it is taken off the foreign CPU of the same fork. A
 * run recorded without these secondaries (older runs, other JMH suites) has no disturbed series:
 * nothing is known, so nothing is flagged.
 *
 * @param reasons primary series id to why it is flagged, e.g. "2 of 3 forks measured on a disturbed
 *     machine (other processes used 1.02 CPUs (load average 3.1))"
 * @param forks primary series id to the indices of its disturbed forks (0-based, fork order)
 */
public record RunDisturbance(
        Map<BenchmarkId, String> reasons, Map<BenchmarkId, Set<Integer>> forks) {

    /** The secondary with other processes' CPU, in CPUs. */
    public static final String FOREIGN = "machine.foreign";

    /** The secondary with the hypervisor's steal share. */
    public static final String STEAL = "machine.steal";

    /** The secondary with the one-minute load average. */
    public static final String LOAD = "machine.load";

    /** The secondary with the calibration loop's time, µs. */
    public static final String CALIBRATION = "machine.calibration";

    /** The secondary with the fork's JIT compile time per iteration, ms. */
    public static final String JIT = "fork.jit.ms";

    /** The secondary with the out-of-process stub's CPU use, in CPUs. */
    public static final String STUB_CPU = "stub.cpu.util";

    /** The secondary with the fork's own CPU time per second of wall time, in CPUs. */
    public static final String OWN = "machine.own";

    /** Freezes the maps, sorted by series, so that every table made from them has one order. */
    public RunDisturbance {
        reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
        forks = Collections.unmodifiableMap(new TreeMap<>(forks));
    }

    /**
     * Flags the series of {@code run} that have at least one disturbed fork.
     *
     * @param run a JMH run
     * @param rule the thresholds
     * @return the flagged series; empty when none (or nothing was recorded)
     */
    public static RunDisturbance of(JmhRun run, DisturbanceRule rule) {
        Map<BenchmarkId, Measurement> byId = run.byId();
        double reference =
                calibrationForkMeans(run).stream()
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElse(Double.NaN);
        Map<BenchmarkId, String> out = new TreeMap<>();
        Map<BenchmarkId, Set<Integer>> which = new TreeMap<>();
        for (Measurement primary : run.primaries()) {
            BenchmarkId id = primary.id();
            List<Double> foreign = secondary(byId, id, FOREIGN);
            if (foreign.isEmpty()) {
                continue;
            }
            List<Double> stub = secondary(byId, id, STUB_CPU);
            List<Double> steal = secondary(byId, id, STEAL);
            List<Double> load = secondary(byId, id, LOAD);
            List<Double> calibration = secondary(byId, id, CALIBRATION);
            List<Double> jit = secondary(byId, id, JIT);
            List<Double> own = secondary(byId, id, OWN);
            double iterationMillis =
                    run.iterationTime(id).map(t -> t.toNanos() / 1e6).orElse(Double.NaN);
            int disturbed = 0;
            boolean machine = false;
            Set<Integer> indices = new TreeSet<>();
            String first = null;
            for (int fork = 0; fork < foreign.size(); fork++) {
                MachineConditions c =
                        new MachineConditions(
                                foreign.get(fork) - at(stub, fork, 0),
                                at(steal, fork, Double.NaN),
                                at(load, fork, Double.NaN),
                                at(own, fork, Double.NaN),
                                at(calibration, fork, Double.NaN),
                                at(jit, fork, Double.NaN) / iterationMillis);
                Optional<String> why = rule.disturbed(c, reference);
                if (why.isPresent()) {
                    disturbed++;
                    machine |= rule.machineDisturbed(c, reference).isPresent();
                    indices.add(fork);
                    if (first == null) {
                        first = why.get();
                    }
                }
            }
            if (disturbed > 0) {
                out.put(
                        id,
                        disturbed
                                + " of "
                                + foreign.size()
                                + (machine
                                        ? " forks measured on a disturbed machine ("
                                        : " forks measured while still warming up (")
                                + first
                                + ")");
                which.put(id, indices);
            }
        }
        return new RunDisturbance(out, which);
    }

    /** Why {@code id}'s series (or the primary series of a secondary id) is flagged, if it is. */
    public Optional<String> reason(BenchmarkId id) {
        BenchmarkId primary = BenchmarkId.primary(id.benchmark(), id.mode(), id.params());
        return Optional.ofNullable(reasons.get(primary));
    }

    /**
     * The indices (0-based, in fork order) of {@code id}'s disturbed forks; empty when none. For a
     * secondary id, its primary's.
     */
    public Set<Integer> disturbedForks(BenchmarkId id) {
        BenchmarkId primary = BenchmarkId.primary(id.benchmark(), id.mode(), id.params());
        return forks.getOrDefault(primary, Set.of());
    }

    /** Whether no series is flagged. */
    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    private static List<Double> secondary(
            Map<BenchmarkId, Measurement> byId, BenchmarkId primary, String metric) {
        Measurement m = byId.get(primary.withSecondary(metric));
        return m == null ? List.of() : forkMeans(m);
    }

    /**
     * Every fork's mean calibration loop time in {@code run}, µs, over all its series: the best of
     * them is the reference a fork is judged against, their median the run's {@link MachineSpeed}.
     */
    static List<Double> calibrationForkMeans(JmhRun run) {
        return run.byId().values().stream()
                .filter(m -> CALIBRATION.equals(m.id().secondary()))
                .flatMap(m -> forkMeans(m).stream())
                .toList();
    }

    private static List<Double> forkMeans(Measurement m) {
        return m.rawDataPerFork().stream()
                .filter(fork -> !fork.isEmpty())
                .map(fork -> fork.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .toList();
    }

    private static double at(List<Double> values, int fork, double missing) {
        return fork < values.size() ? values.get(fork) : missing;
    }
}
