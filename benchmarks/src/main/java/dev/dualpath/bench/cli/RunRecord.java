package dev.dualpath.bench.cli;

import dev.dualpath.bench.machine.CpuWakeHold;
import dev.dualpath.bench.run.EnvFingerprint;
import dev.dualpath.bench.run.ForkJvmVersion;
import dev.dualpath.bench.run.JmhLauncher;
import dev.dualpath.bench.run.Profile;
import dev.dualpath.bench.run.RunOutput;
import dev.dualpath.bench.run.RunSessions;
import dev.dualpath.bench.run.RunSummary;
import dev.dualpath.bench.stub.CpuPinning;
import dev.dualpath.bench.stub.StubHost;
import dev.dualpath.conformance.fake.FakeProvider;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code dualpath run} writes about the machine and settings it measured on, beside the
 * measurements: {@code env.json}, one {@code sessions.json} entry per stretch, and the header of
 * {@code summary.md}. One place, so that the three cannot say different things about one stretch
 * (e.g. whether idle CPUs were kept awake).
 *
 * @param profile the run's profile
 * @param forkJvm {@code --jvm}, or null for the host's
 * @param wake this stretch's hold on the CPUs' idle states (held or not)
 */
record RunRecord(Profile profile, @Nullable String forkJvm, CpuWakeHold wake) {

    /** Now, to the second, ISO-8601 with offset: how a stretch's start and end are written. */
    static String now() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                ZonedDateTime.now(ZoneId.systemDefault()).withNano(0));
    }

    /**
     * Writes {@code env.json} into {@code run}.
     *
     * @throws IOException if it cannot be written
     */
    void writeEnvironment(RunOutput run, CpuPinning pinning) throws IOException {
        // What the benchmarks start, read from the options they use, so env.json cannot drift from
        // them.
        Map<String, String> stub =
                new LinkedHashMap<>(StubHost.describe(pinning, FakeProvider.Options.benchmark()));
        stub.put("server", "WireMock 3.13.2, 127.0.0.1, dynamic port");
        stub.put("http", "HTTP/1.1 only, gzip off");
        EnvFingerprint.capture(
                        profileName(), forkJvm, stub, ZonedDateTime.now(ZoneId.systemDefault()))
                .withCpuWake(wake.description())
                .write(run.file(RunOutput.ENV_JSON));
    }

    /** The {@code sessions.json} entry of a stretch that started at {@code started}. */
    RunSessions.Session session(String started, JmhLauncher.Outcome outcome) {
        return new RunSessions.Session(
                started,
                now(),
                EnvFingerprint.currentGitCommit(),
                System.getProperty("java.version"),
                ForkJvmVersion.of(forkJvm),
                Runtime.getRuntime().availableProcessors(),
                outcome.measured(),
                outcome.resumed(),
                outcome.forks(),
                wake.description());
    }

    /** The top of {@code summary.md}: the profile's header and whether the CPUs were kept awake. */
    String summaryHeader() {
        return RunSummary.header(profileName(), wake.description());
    }

    private String profileName() {
        return profile.name().toLowerCase(Locale.ROOT);
    }
}
