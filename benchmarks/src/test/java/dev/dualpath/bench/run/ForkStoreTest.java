package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;

/**
 * A paused run's forks come back exactly as JMH measured them, and nothing else comes back: not a
 * half-written file, not another series, not an object that is not a JMH result. The fixture is one
 * real fork (smoke profile, {@code CallPartsBenchmark} at {@code part=JSON_PARSER}) as {@code
 * dualpath run} stored it.
 */
class ForkStoreTest {

    private static final String PARSER =
            BenchmarkId.primary(
                            "dev.dualpath.bench.CallPartsBenchmark.part",
                            "avgt",
                            Map.of("part", "JSON_PARSER"))
                    .display();

    private static final ForkStore.Key KEY = new ForkStore.Key(0, 1, 0);

    @TempDir Path run;

    private ForkStore store;

    @BeforeEach
    void storeWithTheFixture() throws IOException {
        store = ForkStore.in(run);
        try (InputStream in =
                Objects.requireNonNull(
                        getClass().getResourceAsStream("/forkstore/json-parser-fork.ser.gz"))) {
            Files.copy(in, run.resolve(ForkStore.FOLDER).resolve("p00-s001-r00.ser.gz"));
        }
    }

    @Test
    void aStoredFork_readsBackAsJmhsResult_andSurvivesAnotherRoundTrip() {
        RunResult read = store.load(KEY, PARSER).orElseThrow();

        assertThat(read.getParams().getParam("part")).isEqualTo("JSON_PARSER");
        assertThat(read.getPrimaryResult().getScore()).isPositive();
        assertThat(read.getSecondaryResults()).containsKey("gc.alloc.rate.norm");

        ForkStore.Key again = new ForkStore.Key(3, 1, 2);
        store.save(again, PARSER, read);
        RunResult twice = store.load(again, PARSER).orElseThrow();
        assertThat(twice.getPrimaryResult().getScore())
                .isEqualTo(read.getPrimaryResult().getScore());
        assertThat(run.resolve(ForkStore.FOLDER)).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aForkNotMeasured_isEmpty() {
        assertThat(store.load(new ForkStore.Key(0, 1, 1), PARSER)).isEmpty();
    }

    @Test
    void anotherSeriesAtTheSameKey_isAnErrorNamingTheFileAndBothSeries() {
        String other = PARSER.replace("JSON_PARSER", "DIRECT_CALL");

        assertThatThrownBy(() -> store.load(KEY, other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("p00-s001-r00.ser.gz")
                .hasMessageContaining("JSON_PARSER")
                .hasMessageContaining("DIRECT_CALL");
    }

    @Test
    void aTruncatedFile_isAnErrorNamingIt() throws IOException {
        Path file = run.resolve(ForkStore.FOLDER).resolve("p00-s001-r00.ser.gz");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> store.load(KEY, PARSER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete it");
    }

    @Test
    void anObjectThatIsNotAJmhResult_isRefusedBeforeItIsBuilt() throws IOException {
        Path file = run.resolve(ForkStore.FOLDER).resolve("p00-s001-r00.ser.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(URI.create("http://127.0.0.1/").toURL());
        }

        assertThatThrownBy(() -> store.load(KEY, PARSER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a stored fork");
    }
}
