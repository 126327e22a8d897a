package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between a baseline's environment and the current run's in a way that moves the
 * measurements by itself, so that a gate's reader does not take it for the code's doing. Today one
 * thing: whether idle CPUs were kept from halting ({@link RunEnvironment#cpusKeptAwake()}). On a
 * virtual machine that alone moved every series that waits — on a socket, a timer or another thread
 * — by tens of percent (the loopback tier about 40 % faster with them kept awake), while a series
 * that never waits did not move.
 */
public final class EnvironmentCautions {

    private EnvironmentCautions() {}

    /**
     * The cautions for gating {@code current} against {@code baseline}; empty when nothing known
     * differs. Keeping the CPUs awake is the unusual state (it needs root and is asked for), and a
     * run from before {@code env.json} recorded it did not do it; so one run held awake against one
     * that was not, or that does not say, is a difference.
     *
     * @param baseline the baseline run's environment
     * @param current the current run's environment
     * @return one sentence per difference, each saying what differs and what to do
     */
    public static List<String> between(RunEnvironment baseline, RunEnvironment current) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        List<String> cautions = new ArrayList<>();
        boolean before = baseline.cpusKeptAwake().orElse(false);
        boolean now = current.cpusKeptAwake().orElse(false);
        if (before != now) {
            cautions.add(
                    "the baseline ran with idle CPUs "
                            + awake(baseline)
                            + " and this run with them "
                            + awake(current)
                            + ". That alone moves every series that waits on a socket, a timer or"
                            + " another thread, so its verdicts may be the machine's, not the"
                            + " code's; record both runs the same way (dualpath run"
                            + " --[no-]keep-cpus-awake) to gate them.");
        }
        return List.copyOf(cautions);
    }

    private static String awake(RunEnvironment run) {
        Optional<Boolean> held = run.cpusKeptAwake();
        if (held.isEmpty()) {
            return "free to halt, as far as its env.json says (it has no cpuWake)";
        }
        return (held.get() ? "kept from halting" : "free to halt")
                + " (env.json cpuWake: \""
                + run.cpuWake()
                + "\")";
    }
}
