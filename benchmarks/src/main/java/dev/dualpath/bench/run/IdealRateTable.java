package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.Locale;

/**
 * Concurrency throughput against the ideal rate, {@code callers / delay}: what a client reaches
 * when neither it nor the stub adds anything. Beside each rate, how many CPUs the benchmark's JVM
 * and the stub's kept busy, so that a rate below 90 % of the ideal says which side saturated; and
 * the rate the callers would reach if each call took as long as one call alone (the same method's
 * latency twin at 1 caller, e.g. {@code asyncLatency} for {@code asyncThroughput}): a delay as the
 * machine serves it is longer than the delay asked for (the timer overshoots, an idle CPU wakes up
 * late), and no client can beat that. And how long the stub held each call at that rate, read from
 * the stub's side ({@code stub.residence.norm}): callers ÷ that hold is the most any client could
 * reach against this stub, so a rate near it but below the ideal is the stub's timer, not the
 * client.
 */
final class IdealRateTable {

    static final String PREFIX = "ConcurrencyBenchmark.";

    /** The stub's hold per call, µs ({@code CallCostProfiler.STUB_RESIDENCE}, spelled out). */
    static final String STUB_RESIDENCE = "stub.residence.norm";

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
            int inFlight = Integer.parseInt(callers);
            double ideal = inFlight * 1000.0 / Integer.parseInt(delay);
            double fraction = m.score() / ideal;
            double fork = index.secondary(m, "fork.cpu.util");
            double stub = index.secondary(m, "stub.cpu.util");
            double aloneMillis = aloneMillis(index, m);
            double aloneRate = inFlight * 1000.0 / aloneMillis;
            double holdMillis = index.secondary(m, STUB_RESIDENCE) / 1000;
            double holdRate = inFlight * 1000.0 / holdMillis;
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
                    .append(Double.isNaN(aloneMillis) ? "—" : StrategyTable.num(aloneMillis))
                    .append(" | ")
                    .append(percentOf(m.score(), aloneRate))
                    .append(" | ")
                    .append(Double.isNaN(holdMillis) ? "—" : StrategyTable.num(holdMillis))
                    .append(" | ")
                    .append(percentOf(m.score(), holdRate))
                    .append(" | ")
                    .append(StrategyTable.num(fork))
                    .append(" | ")
                    .append(StrategyTable.num(stub))
                    .append(" | ")
                    .append(StrategyTable.num(index.secondary(m, StrategyTable.STUB)))
                    .append(" | ")
                    .append(
                            verdict(
                                    fraction,
                                    new Ceilings(m.score() / aloneRate, m.score() / holdRate),
                                    fork,
                                    stub))
                    .append(" |\n");
        }
        if (rows.length() == 0) {
            return "";
        }
        return "### Concurrency against the ideal rate (callers ÷ delay)\n\n"
                + "| method | path | transport | callers | delay ms | ideal calls/s | calls/s [fork"
                + " range] | of ideal | one call alone, ms | of callers ÷ one call alone |"
                + " stub holds a call, ms | of callers ÷ stub's hold | fork CPUs busy | stub CPUs"
                + " busy | stub µs/call | below 90 %: why |\n"
                + "|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
                + rows
                + "\nCPUs busy: process CPU time over wall time (1.0 = one CPU saturated); a"
                + " side at "
                + SATURATED_CPUS
                + " or more is called saturated when each side has one CPU (see the pinning in"
                + " env.json). One call alone: the mean latency of the same method's latency"
                + " twin at 1 caller, same path and delay (— when the run lacks it); every call"
                + " waits the stub's delay as served (its timer's overshoot and an idle CPU's"
                + " wake-up included) and a loopback round trip, so callers ÷ one call alone is"
                + " the most the callers can reach on this machine. Stub holds a call: from the"
                + " request's headers parsed to its last byte sent, read from the stub's side at"
                + " this row's rate (the delay as its timer served it, its queueing and its own"
                + " work); callers ÷ that hold is the most any client could reach against this"
                + " stub, and one call alone minus the hold is the client and the wire.\n\n";
    }

    /** {@code rate} as a percentage of {@code ceiling}, one decimal; — when either is unknown. */
    private static String percentOf(double rate, double ceiling) {
        return Double.isNaN(rate) || Double.isNaN(ceiling)
                ? "—"
                : String.format(Locale.ROOT, "%.1f %%", 100 * rate / ceiling);
    }

    /**
     * A measured rate over the rates two ceilings allow, each NaN when unknown.
     *
     * @param ofAlone over callers ÷ one call alone (the latency twin at 1 caller)
     * @param ofHold over callers ÷ the stub's hold per call at this rate
     */
    record Ceilings(double ofAlone, double ofHold) {
        static final Ceilings UNKNOWN = new Ceilings(Double.NaN, Double.NaN);
    }

    /**
     * The mean latency in ms of {@code m}'s latency twin at 1 caller (same path, transport and
     * delay); NaN when the run lacks it or its unit is not a time per op.
     */
    static double aloneMillis(RunIndex index, Measurement m) {
        String name = m.id().shortBenchmark();
        String twin = name.substring(0, name.length() - "Throughput".length()) + "Latency";
        return index.primary(twin, RunIndex.with(m.id().params(), "callers", "1"))
                .map(alone -> alone.score() * RunIndex.microsPer(alone.unit()) / 1000)
                .orElse(Double.NaN);
    }

    /**
     * Why a rate fell below {@link #GOOD_FRACTION} of the ideal, from the measured CPU use and from
     * the {@code ceilings} (the rate over what the callers would reach if each call took as long as
     * the stub held it, or as one call alone).
     */
    static String verdict(double fraction, Ceilings ceilings, double forkCpus, double stubCpus) {
        if (fraction >= GOOD_FRACTION) {
            return "—";
        }
        // A saturated stub lengthens its own hold by queueing: that is the stub's CPU, said below.
        if (ceilings.ofHold() >= GOOD_FRACTION && !(stubCpus >= SATURATED_CPUS)) {
            return "the stub's hold: it holds each call longer than the delay, and the callers"
                    + " reach 90 % or more of what that allows";
        }
        if (ceilings.ofAlone() >= GOOD_FRACTION) {
            return "the delay as served: one call alone is slower than the delay, and the"
                    + " callers keep up with it";
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
