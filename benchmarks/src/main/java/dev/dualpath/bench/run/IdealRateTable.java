package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.Locale;

/**
 * Concurrency throughput against the ideal rate, {@code callers / delay}: what a client reaches
 * when neither it nor the stub adds anything. Beside each rate, how many CPUs the benchmark's JVM
 * and the stub's kept busy, so that a rate below 90 % of the ideal says which side saturated.
 */
final class IdealRateTable {

    static final String PREFIX = "ConcurrencyBenchmark.";

    /** A side at least this busy (in CPUs) counts as saturated on a one-CPU share. */
    static final double SATURATED_CPUS = 0.9;

    /** Below this fraction of the ideal rate the table says why. */
    static final double GOOD_FRACTION = 0.9;

    /** The section, or "" when the run has no concurrency throughput. */
    String markdown(RunIndex index) {
        StringBuilder rows = new StringBuilder();
        for (Measurement m : index.run().primaries()) {
            String name = m.id().shortBenchmark();
            if (!name.startsWith(PREFIX) || !name.endsWith("Throughput")) {
                continue;
            }
            String callers = m.id().params().get("callers");
            String delay = m.id().params().get("delayMs");
            if (callers == null || delay == null || Integer.parseInt(delay) <= 0) {
                continue;
            }
            double ideal = Integer.parseInt(callers) * 1000.0 / Integer.parseInt(delay);
            double fraction = m.score() / ideal;
            double fork = index.secondary(m, "fork.cpu.util");
            double stub = index.secondary(m, "stub.cpu.util");
            rows.append("| ")
                    .append(name.substring(PREFIX.length()))
                    .append(" | ")
                    .append(m.id().params().getOrDefault(StrategyTable.PATH, "—"))
                    .append(" | ")
                    .append(m.id().params().getOrDefault("transport", "—"))
                    .append(" | ")
                    .append(callers)
                    .append(" | ")
                    .append(delay)
                    .append(" | ")
                    .append(StrategyTable.num(ideal))
                    .append(" | ")
                    .append(StrategyTable.num(m.score()))
                    .append(' ')
                    .append(RunIndex.forkRange(m))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100 * fraction))
                    .append(" | ")
                    .append(StrategyTable.num(fork))
                    .append(" | ")
                    .append(StrategyTable.num(stub))
                    .append(" | ")
                    .append(StrategyTable.num(index.secondary(m, StrategyTable.STUB)))
                    .append(" | ")
                    .append(verdict(fraction, fork, stub))
                    .append(" |\n");
        }
        if (rows.length() == 0) {
            return "";
        }
        return "### Concurrency against the ideal rate (callers ÷ delay)\n\n"
                + "| method | path | transport | callers | delay ms | ideal calls/s | calls/s [fork"
                + " range] | of ideal | fork CPUs busy | stub CPUs busy | stub µs/call | below"
                + " 90 %: why |\n"
                + "|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---|\n"
                + rows
                + "\nCPUs busy: process CPU time over wall time (1.0 = one CPU saturated); a"
                + " side at "
                + SATURATED_CPUS
                + " or more is called saturated when each side has one CPU (see the pinning in"
                + " env.json). Every call also waits the stub's delay, its overshoot and a"
                + " loopback round trip, so 100 % is out of reach by a few percent.\n\n";
    }

    /** Why a rate fell below {@link #GOOD_FRACTION} of the ideal, from the measured CPU use. */
    static String verdict(double fraction, double forkCpus, double stubCpus) {
        if (fraction >= GOOD_FRACTION) {
            return "—";
        }
        boolean stub = stubCpus >= SATURATED_CPUS;
        boolean client = forkCpus >= SATURATED_CPUS;
        if (stub && client) {
            return "both CPUs saturated";
        }
        if (stub) {
            return "stub CPU saturated";
        }
        if (client) {
            return "client CPU saturated";
        }
        if (Double.isNaN(stubCpus)) {
            return "no CPU saturated in the fork; stub CPU not measured (stub in process)";
        }
        return "no CPU saturated: waiting (threads, pool or delay overshoot)";
    }
}
