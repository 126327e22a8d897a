package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.ForkRounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openjdk.jmh.results.RunResult;

/**
 * A run's forks in the order {@link JmhLauncher} runs them: the plans' schedules (drawn and
 * recorded, or drawn again from a recorded seed when the run resumes), each fork with its key in
 * the {@link ForkStore} and its stored result, and the forks grouped by round, the unit a budget
 * pauses at.
 */
final class RunForks {

    private RunForks() {}

    /**
     * One fork of a run: which series, in which round, how long it should take, and its result if a
     * {@link ForkStore} already holds it.
     */
    record Fork(
            ForkStore.Key key,
            Plan plan,
            ForkSchedule.Series series,
            Duration planned,
            RunResult stored) {

        String name() {
            return series.id().display();
        }
    }

    /**
     * The schedules of {@code plans}: drawn from a new seed and recorded in {@code roundsFile}, or,
     * when that file exists (a resumed run), drawn again from its seed and checked against it.
     */
    static List<ForkSchedule> schedules(List<Plan> plans, Path roundsFile) throws IOException {
        boolean resumed = Files.exists(roundsFile);
        ForkRounds recorded = resumed ? ForkRounds.read(roundsFile) : null;
        long seed = recorded != null ? recorded.seed() : new SecureRandom().nextLong();
        Random random = new Random(seed);
        List<ForkSchedule> schedules = new ArrayList<>();
        for (Plan plan : plans) {
            schedules.add(ForkSchedule.draw(plan, random));
        }
        List<ForkRounds.Plan> rounds = new ArrayList<>();
        for (ForkSchedule schedule : schedules) {
            rounds.add(
                    new ForkRounds.Plan(
                            schedule.plan().label(),
                            schedule.rounds().stream()
                                    .map(r -> r.stream().map(ForkSchedule.Series::id).toList())
                                    .toList()));
        }
        ForkRounds drawn = new ForkRounds(seed, rounds);
        if (recorded == null) {
            drawn.write(roundsFile);
        } else if (!recorded.equals(drawn)) {
            throw new IllegalStateException(
                    roundsFile
                            + ": the recorded schedule is not the one this build's plans give; the"
                            + " run can only be resumed by the build and options that started it");
        }
        return schedules;
    }

    /**
     * Every fork of the schedules, in run order, each with its stored result if any; each fork's
     * planned time includes its start-up ({@link ForkStartup}).
     */
    static List<Fork> forks(List<ForkSchedule> schedules, ForkStore store) {
        List<Fork> out = new ArrayList<>();
        for (int p = 0; p < schedules.size(); p++) {
            ForkSchedule schedule = schedules.get(p);
            for (int r = 0; r < schedule.rounds().size(); r++) {
                for (ForkSchedule.Series series : schedule.rounds().get(r)) {
                    ForkStore.Key key = new ForkStore.Key(p, schedule.series().indexOf(series), r);
                    Duration planned =
                            series.forkTime(schedule.plan()).plus(ForkStartup.of(series));
                    RunResult stored =
                            store == null
                                    ? null
                                    : store.load(key, series.id().display()).orElse(null);
                    out.add(new Fork(key, schedule.plan(), series, planned, stored));
                }
            }
        }
        return out;
    }

    /** The forks grouped by plan and round, in run order. */
    static Collection<List<Fork>> byRound(List<Fork> forks) {
        Map<List<Integer>, List<Fork>> rounds = new LinkedHashMap<>();
        for (Fork fork : forks) {
            rounds.computeIfAbsent(
                            List.of(fork.key().plan(), fork.key().round()), k -> new ArrayList<>())
                    .add(fork);
        }
        return rounds.values();
    }
}
