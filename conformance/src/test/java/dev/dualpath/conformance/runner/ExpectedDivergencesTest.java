package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedDivergencesTest {

    @Test
    void dualpathsKnownFailures_areEmpty() {
        assertThat(ConformanceGate.knownFailures().entries()).isEmpty();
    }

    @Test
    void theOpenAiJavaList_namesOnlyScenariosAndPathsThatExist_eachWithObservedAndReason() {
        ExpectedDivergences list =
                ExpectedDivergences.load(
                        getClass().getClassLoader(), OpenAiJavaConformanceTest.DIVERGENCES);
        List<String> ids = ScenarioCatalog.load().all().stream().map(Scenario::id).toList();

        list.requireKnown(ids, List.of("okhttp/blocking", "okhttp/async"));
        assertThat(list.entries())
                .isNotEmpty()
                .allSatisfy(
                        e -> {
                            assertThat(e.observed()).isNotBlank();
                            assertThat(e.reason()).isNotBlank();
                        });
    }

    @Test
    void aMissingFile_isReportedByName() {
        assertThatThrownBy(
                        () ->
                                ExpectedDivergences.load(
                                        getClass().getClassLoader(), "divergences/nope.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divergences/nope.json");
    }

    /**
     * The entry printed for an undeclared departure is exactly what the file takes, except its
     * reason, which a person must write: the placeholder is refused by name.
     */
    @Test
    void thePrintedEntry_loadsOnceItsReasonIsWritten_andNotBefore(@TempDir Path dir)
            throws IOException {
        String entry =
                ExpectedDivergences.entryToDeclare(
                        "minimal", List.of("okhttp/async"), "content: \"a\" vs \"b\"");
        String advice =
                ExpectedDivergences.NONE.howToDeclare(
                        "some-client",
                        "minimal",
                        List.of("okhttp/async"),
                        List.of("content: \"a\" vs \"b\""));
        assertThat(advice).contains(entry, "some-client's own behaviour");

        write(dir, "{\"entries\":[" + entry + "]}");
        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d.json")
                .hasMessageContaining("entries[0].reason")
                .hasMessageContaining("placeholder");

        write(
                dir,
                "{\"entries\":["
                        + entry.replace(
                                ExpectedDivergences.REASON_PLACEHOLDER, "the client trims content")
                        + "]}");
        ExpectedDivergences loaded = load(dir);
        assertThat(loaded.entry("minimal", "okhttp/async"))
                .hasValueSatisfying(
                        e -> {
                            assertThat(e.observed()).isEqualTo("content: \"a\" vs \"b\"");
                            assertThat(e.reason()).isEqualTo("the client trims content");
                        });
        assertThat(loaded.entry("minimal", "okhttp/blocking")).isEmpty();
    }

    @Test
    void aCellDeclaredTwice_orAnUnknownPathOrScenario_isRefused(@TempDir Path dir)
            throws IOException {
        String twice =
                "{\"entries\":[{\"scenario\":\"minimal\",\"paths\":[\"a\"],\"observed\":\"o\","
                        + "\"reason\":\"r\"},{\"scenario\":\"minimal\",\"paths\":[\"a\"],"
                        + "\"observed\":\"o\",\"reason\":\"r\"}]}";
        write(dir, twice);
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("a second time");

        write(
                dir,
                "{\"entries\":[{\"scenario\":\"minimal\",\"paths\":[\"a\"],\"observed\":\"o\","
                        + "\"reason\":\"r\"}]}");
        ExpectedDivergences one = load(dir);
        assertThatThrownBy(() -> one.requireKnown(List.of("minimal"), List.of("b")))
                .hasMessageContaining("'a', not a path of the plug-in");
        assertThatThrownBy(() -> one.requireKnown(List.of("other"), List.of("a")))
                .hasMessageContaining("'minimal' is not in the catalogue");

        write(
                dir,
                "{\"entries\":[{\"scenario\":\"minimal\",\"paths\":[\"a\"],\"observed\":\"o\","
                        + "\"reason\":\"r\",\"intermittent\":\"sometimes\"}]}");
        assertThatThrownBy(() -> load(dir))
                .hasMessageContaining("'entries[0].intermittent' must be true or false");

        write(dir, "{\"divergences\":{\"minimal\":\"old format\"}}");
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("field 'entries'");
    }

    private static void write(Path dir, String json) throws IOException {
        Files.writeString(dir.resolve("d.json"), json);
    }

    private static ExpectedDivergences load(Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return ExpectedDivergences.load(loader, "d.json");
        }
    }
}
