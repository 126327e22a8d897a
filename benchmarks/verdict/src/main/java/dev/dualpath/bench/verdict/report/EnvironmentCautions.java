package dev.dualpath.bench.verdict.report;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.machine.MachineSpeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between a baseline's environment and the current run's in a way that moves the
 * measurements by itself, so that a gate's reader does not take it for the code's doing:
 *
 * <ul>
 *   <li>whether idle CPUs were kept from halting ({@link RunEnvironment#cpusKeptAwake()}). On a
 *       virtual machine that alone moved every series that waits — on a socket, a timer or another
 *       thread — by tens of percent (the loopback tier about 40 % faster with them kept awake),
 *       while a series that never waits did not move;
 *   <li>how fast the machine ran the fixed calibration loop ({@link MachineSpeed}), when both runs
 *       recorded it and it differs by {@link #SPEED_DIFFERENCE} or more. On a shared virtual
 *       machine the same loop's median over a run moved from 3,191 to 3,861 µs between runs on
 *       different days, and on a day 6 % slower in the loop the in-memory series ran 23–30 %
 *       slower, none of their forks disturbed by the per-fork rule.
 * </ul>
 */
public final class EnvironmentCautions {

    /**
     * The difference in the calibration loop's median, as a fraction, from which the machine's
     * speed is called different: runs of one session here stayed within 2 % of each other, runs on
     * different days up to 21 % apart.
     */
    public static final double SPEED_DIFFERENCE = 0.05;

    private EnvironmentCautions() {}

    /**
     * The cautions of {@link #between(RunEnvironment, RunEnvironment)}, and one more when both runs
     * timed the calibration loop and the machine ran it at a speed {@link #SPEED_DIFFERENCE} or
     * more apart.
     *
     * @param baseline the baseline run's environment
     * @param baselineRun the baseline run's results
     * @param current the current run's environment
     * @param currentRun the current run's results
     * @return one sentence per difference, each saying what differs and what to do
     */
    public static List<String> between(
            RunEnvironment baseline,
            JmhRun baselineRun,
            RunEnvironment current,
            JmhRun currentRun) {
        List<String> cautions = new ArrayList<>(between(baseline, current));
        Optional<MachineSpeed> before = MachineSpeed.of(baselineRun);
        Optional<MachineSpeed> now = MachineSpeed.of(currentRun);
        if (before.isPresent() && now.isPresent()) {
            double slower = now.get().slowerThan(before.get());
            if (Math.abs(slower) >= SPEED_DIFFERENCE) {
                cautions.add(
                        String.format(
                                Locale.ROOT,
                                "this run's machine ran the fixed calibration loop %.1f %% %s than"
                                        + " the baseline's (median %.0f µs over %d forks against"
                                        + " %.0f µs over %d). The whole machine ran at another"
                                        + " speed, and series can move several times as much as"
                                        + " the loop, so its verdicts may be the day's, not the"
                                        + " code's; to gate a change, measure both builds in one"
                                        + " job (dualpath compare).",
                                100 * Math.abs(slower),
                                slower > 0 ? "slower" : "faster",
                                now.get().medianMicros(),
                                now.get().forks(),
                                before.get().medianMicros(),
                                before.get().forks()));
            }
        }
        return List.copyOf(cautions);
    }

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
