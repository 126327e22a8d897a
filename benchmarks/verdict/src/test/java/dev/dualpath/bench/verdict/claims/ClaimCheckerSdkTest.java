package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Claims on the python-sdk side, judged from a python-sdk.json replay: a time claim on a pattern
 * whose calls failed, a failure rate as a result of its own, a replay that could not be made, and a
 * malformed one. The Java and Python sides are in {@link ClaimCheckerTest}.
 */
class ClaimCheckerSdkTest extends ClaimCheckerFixtures {

    /** A python-sdk.json with {@code direct} clean and {@code before} failing every other call. */
    static String sdkReplayJson() {
        String ok =
                "{\"samples_ns\": [1000000, 1200000, 1100000], \"calls\": 3, \"failures\": 0,"
                        + " \"errors\": {}, \"connections\": 1, \"loops\": 0}";
        String half =
                "{\"samples_ns\": [2600000, 2700000], \"calls\": 4, \"failures\": 2,"
                        + " \"errors\": {\"RuntimeError: Event loop is closed\": 2},"
                        + " \"connections\": 2, \"loops\": 4}";
        return "{\"kind\": \"python-sdk-replay\", \"status\": \"measured\", \"unit\": \"ns\","
                + " \"python\": \"3.11.7\", \"packages\": {\"openai\": \"3.22.1\"},"
                + " \"patterns\": {\"direct\": {\"forks\": ["
                + ok
                + ", "
                + ok
                + "]}, \"before\": {\"forks\": ["
                + half
                + ", "
                + half
                + "]}}}";
    }

    private ClaimsFile sdkClaims(String kind, double target, String metric) throws IOException {
        Path file = tmp.resolve("sdk-claims.json");
        Files.writeString(
                file,
                """
                {"schemaVersion": 1, "subjects": {"DIRECT": {"sdk": "direct"}},
                 "claims": [{"id": "c", "source": "quote", "statement": "s", "kind": "%s", "target": %s,
                   "tolerance": {"absolute": 0.001}, "unit": "ms", "subjects": ["DIRECT"],
                   "python_sdk": {"quantities": {"w": {"pattern": "before", "metric": "%s"},
                                                 "s": {"pattern": "${sdk}", "metric": "%s"}},
                                  "expression": "w - s"}}]}
                """
                        .formatted(kind, target, metric, metric));
        return new ClaimsFileReader().read(file);
    }

    private SdkSource sdk() throws IOException {
        Path file = tmp.resolve("python-sdk.json");
        Files.writeString(file, sdkReplayJson());
        return SdkReplay.read(file);
    }

    @Test
    void aTimeClaimOnAPatternThatFailedCalls_failsWhateverTheTime_andSaysWhy() throws IOException {
        // w - s = 2.65 - 1.1 = 1.55 ms, well inside "approx 1.5 ms +- 50 %" on time alone
        ClaimsFile c = sdkClaims("approx", 1.5, "median_ms");
        Path file = c.file();
        Files.writeString(file, Files.readString(file).replace("0.001", "0.75"));

        ClaimResult r =
                checker.check(new ClaimsFileReader().read(file), run, env, python, sdk())
                        .results()
                        .get(0);

        assertThat(r.side()).isEqualTo(Side.PYTHON_SDK);
        assertThat(r.value().point()).isCloseTo(1.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.status()).isEqualTo(ClaimStatus.FAILS);
        assertThat(r.reason())
                .contains("before: 4 of 8 calls failed (RuntimeError: Event loop is closed x4)")
                .contains("cannot be said to cost its time");
    }

    @Test
    void aFailureRateIsAResultOfItsOwn() throws IOException {
        ClaimResult r =
                checker.check(sdkClaims("at_most", 0, "failure_rate"), run, env, python, sdk())
                        .results()
                        .get(0);
        assertThat(r.value().point()).isEqualTo(0.5);
        assertThat(r.status()).isEqualTo(ClaimStatus.FAILS);
        assertThat(r.reason()).doesNotContain("cannot be said to cost");
    }

    @Test
    void withoutTheSdkReplayItsSideIsInconclusiveWithTheRecordedReason() throws IOException {
        Path file = tmp.resolve("python-sdk.json");
        Files.writeString(
                file,
                "{\"kind\": \"python-sdk-replay\", \"status\": \"unavailable\", \"reason\":"
                        + " \"pip could not install sdk-requirements.txt (exit 1): no index\"}");
        ClaimResult r =
                checker.check(
                                sdkClaims("at_most", 0, "failure_rate"),
                                run,
                                env,
                                python,
                                SdkReplay.read(file))
                        .results()
                        .get(0);
        assertThat(r.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(r.reason()).contains("pip could not install");
    }

    @Test
    void aMalformedSdkReplayNamesTheFileAndField() throws IOException {
        Path file = tmp.resolve("python-sdk.json");
        Files.writeString(file, sdkReplayJson().replace("\"calls\": 4", "\"calls\": 5"));
        assertThatThrownBy(() -> SdkReplay.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("python-sdk.json")
                .satisfies(
                        e ->
                                assertThat(((InputException) e).field())
                                        .isEqualTo("patterns.before.forks[0]"));
        Files.writeString(file, sdkReplayJson().replace("1200000", "NaN"));
        assertThatThrownBy(() -> SdkReplay.read(file)).isInstanceOf(InputException.class);
        Files.writeString(file, sdkReplayJson().substring(0, 40));
        assertThatThrownBy(() -> SdkReplay.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("python-sdk.json");
    }
}
