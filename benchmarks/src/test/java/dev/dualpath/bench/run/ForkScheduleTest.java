package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForkScheduleTest {

    /** Six in-memory paths at the ~1 KB body, 3 forks: as the quick profile once ran them. */
    private static Plan quickInMemory() {
        return Plan.of(Profile.IN_MEMORY)
                .params(
                        java.util.Map.of(
                                Profile.BODY,
                                List.of(Profile.SMALL_BODY),
                                Profile.PATH,
                                List.of(
                                        "RAW_BLOCKING",
                                        "RAW_ASYNC",
                                        "DIRECT",
                                        "LOOP_PER_CALL",
                                        "SHARED_LOOP",
                                        "SEED_LITERAL")))
                .forks(3)
                .build();
    }

    @Test
    void theSeries_areEveryPathAtThePlansBody_asJmhWouldRunThem() {
        List<ForkSchedule.Series> series = ForkSchedule.series(quickInMemory());

        assertThat(series).hasSize(6);
        assertThat(series)
                .allSatisfy(s -> assertThat(s.params()).containsEntry("bodyBytes", "1171"));
        assertThat(series.stream().map(s -> s.params().get("path")))
                .contains("RAW_BLOCKING", "DIRECT", "SHARED_LOOP", "LOOP_PER_CALL");
        assertThat(series.get(0).include())
                .isEqualTo("^\\Qdev.dualpath.bench.InMemoryOverheadBenchmark.call\\E$");
        assertThat(series.get(0).id().mode()).isEqualTo("avgt");
        assertThat(JmhLauncher.estimate(List.of(quickInMemory())).forks()).isEqualTo(6 * 3);
    }

    @Test
    void everyRound_runsEverySeriesOnce_inItsOwnShuffledOrder_reproducibleFromTheSeed() {
        Plan plan = quickInMemory();
        ForkSchedule schedule = ForkSchedule.draw(plan, new Random(11));

        assertThat(schedule.rounds()).hasSize(plan.forks());
        for (List<ForkSchedule.Series> round : schedule.rounds()) {
            assertThat(round).containsExactlyInAnyOrderElementsOf(ForkSchedule.series(plan));
        }
        assertThat(new HashSet<>(schedule.rounds())).as("orders differ between rounds").hasSize(3);
        assertThat(ForkSchedule.draw(plan, new Random(11))).isEqualTo(schedule);
        assertThat(ForkSchedule.draw(plan, new Random(12))).isNotEqualTo(schedule);
    }

    @Test
    void aPlanWithAMultiModeBenchmark_hasOneSeriesPerMode() {
        Plan plan =
                Profile.SMOKE.plans().stream()
                        .filter(p -> p.include().equals(Profile.CONCURRENCY_BLOCKING))
                        .findFirst()
                        .orElseThrow();

        List<ForkSchedule.Series> series = ForkSchedule.series(plan);

        assertThat(series).hasSize(6);
        assertThat(series.stream().map(s -> s.id().mode()).distinct()).hasSize(2);
    }
}
