package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of a run's stretches, and the line a summary gives it. */
class RunSessionsTest {

    @TempDir Path runDir;

    private static RunSessions.Session stretch(String started, int measured, int before) {
        return stretch(started, measured, before, "not held: not asked for");
    }

    private static RunSessions.Session stretch(
            String started, int measured, int before, String cpuWake) {
        return new RunSessions.Session(
                started,
                started + "+1h",
                "abc1234",
                "17.0.15",
                "25.0.3",
                2,
                measured,
                before,
                856,
                cpuWake);
    }

    @Test
    void stretchesThatDifferInKeepingTheCpusAwake_saySoEach_andOnlyThen() {
        String held = "held: /dev/cpu_dma_latency at 0 µs";
        String same =
                RunSessions.describe(
                        List.of(stretch("s1", 445, 0, held), stretch("s2", 386, 445, held)));
        String differ =
                RunSessions.describe(
                        List.of(
                                stretch("s1", 445, 0, held),
                                stretch("s2", 386, 445, "not held: cannot open it")));

        assertThat(same).doesNotContain("idle CPUs");
        assertThat(differ)
                .contains("s1 to s1+1h, 445 forks (idle CPUs " + held + ");")
                .contains("s2 to s2+1h, 386 forks (idle CPUs not held: cannot open it).");
    }

    @Test
    void stretchesAppendedInTurn_areReadBackInOrder() throws Exception {
        RunSessions.append(runDir, stretch("s1", 445, 0));
        RunSessions.append(runDir, stretch("s2", 386, 445));

        assertThat(RunSessions.read(runDir))
                .containsExactly(stretch("s1", 445, 0), stretch("s2", 386, 445));
    }

    @Test
    void aRecordWrittenBeforeTheForkJvmWasKept_readsWithoutIt() throws Exception {
        java.nio.file.Files.writeString(
                runDir.resolve(RunSessions.FILE),
                "[{\"started\":\"s1\",\"ended\":\"e1\",\"gitCommit\":\"abc\","
                        + "\"jvmVersion\":\"17.0.15\",\"cpus\":2,\"forksMeasured\":3,"
                        + "\"forksBefore\":0,\"forksTotal\":3}]");

        assertThat(RunSessions.read(runDir))
                .singleElement()
                .satisfies(s -> assertThat(s.forkJvmVersion()).isNull())
                .satisfies(s -> assertThat(s.cpuWake()).isNull())
                .satisfies(s -> assertThat(s.jvmVersion()).isEqualTo("17.0.15"));
    }

    @Test
    void oneStretch_isNotWorthALine() {
        assertThat(RunSessions.describe(List.of(stretch("s1", 856, 0)))).isEmpty();
    }

    @Test
    void everyStretchIsNamed_withItsForks() {
        String line = RunSessions.describe(List.of(stretch("s1", 445, 0), stretch("s2", 411, 445)));

        assertThat(line)
                .startsWith("Measured in 2 recorded stretches")
                .contains("s1 to s1+1h, 445 forks")
                .contains("s2 to s2+1h, 411 forks")
                .doesNotContain("no record");
    }

    @Test
    void forksOfAStretchThatLeftNoRecord_areCountedFromTheNextOne() {
        String line = RunSessions.describe(List.of(stretch("s1", 445, 0), stretch("s3", 25, 831)));

        assertThat(line)
                .contains("445 forks; 386 forks in a stretch that left no record (killed);")
                .contains("s3 to s3+1h, 25 forks");
    }
}
