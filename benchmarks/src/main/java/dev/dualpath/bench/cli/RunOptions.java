package dev.dualpath.bench.cli;

import dev.dualpath.bench.openloop.OpenLoop;
import dev.dualpath.bench.run.Plan;
import dev.dualpath.bench.run.Profile;
import dev.dualpath.bench.run.SdkReplayStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * What a {@code dualpath run} measures and which steps it takes: every option that {@code --resume}
 * takes back from the run's {@link RunRequest}, as a picocli mixin. Kept apart from the command so
 * that the one list of options is written once and read back in one place ({@link #request()} and
 * {@link #apply(RunRequest)} list the same fields).
 */
final class RunOptions {

    @Option(
            names = "--profile",
            defaultValue = "quick",
            paramLabel = "NAME",
            description = "smoke, quick or full (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(
            names = "--results",
            defaultValue = "results",
            paramLabel = "DIR",
            description =
                    "Results folder (default: ${DEFAULT-VALUE}); the run goes to"
                            + " DIR/runs/<timestamp>/.")
    Path results;

    @Option(
            names = "--baseline",
            paramLabel = "RUN",
            description =
                    "Baseline to gate against (default: DIR/baseline if present; 'none' to skip).")
    String baseline;

    @Option(
            names = "--claims",
            paramLabel = "FILE",
            description =
                    "Claims to check (default: DIR/claims.json if present; none in a partial run"
                            + " with --only).")
    Path claims;

    @Option(
            names = "--jvm",
            paramLabel = "PATH",
            description = "JVM binary for the forks (e.g. a JDK 25's bin/java).")
    String jvm;

    @Option(
            names = "--jvm-args",
            paramLabel = "ARGS",
            split = " ",
            description =
                    "Extra JVM arguments for every fork, e.g. \"-XX:ActiveProcessorCount=1\".")
    List<String> jvmArgs = new ArrayList<>();

    @Option(
            names = "--python-samples",
            defaultValue = "2000",
            paramLabel = "N",
            description = "Calls per series of the Python replay (default: ${DEFAULT-VALUE}).")
    int pythonSamples;

    @Option(
            names = "--python-sdk",
            negatable = true,
            description =
                    "Replay the write-up's patterns on the real Python SDK (pip installs the pinned"
                            + " openai into --python-venv once); default: on for quick and full,"
                            + " off for smoke.")
    Boolean pythonSdk;

    @Option(
            names = "--python-venv",
            paramLabel = "DIR",
            description = "Virtual environment for the real SDK (default: target/python-sdk-venv).")
    Path pythonVenv = SdkReplayStep.DEFAULT_VENV;

    @Option(
            names = "--open-loop",
            negatable = true,
            description =
                    "Also record open-loop latencies (hgrm/, openloop.md); default: on for full, a"
                            + " tiny run for smoke, off for quick.")
    Boolean openLoop;

    @Option(
            names = "--keep-cpus-awake",
            negatable = true,
            description =
                    "Hold the kernel's CPU latency QoS at 0 us for the whole run"
                            + " (/dev/cpu_dma_latency, where it can be opened for writing), so an"
                            + " idle CPU polls instead of halting and a call that waits is not"
                            + " timed with the host's wake-up; env.json says whether it was held."
                            + " Default: off.")
    Boolean keepCpusAwake;

    @Option(
            names = "--only",
            paramLabel = "TEXT",
            description =
                    "Run only the profile's plans whose label or benchmark pattern contains TEXT"
                            + " (repeatable), e.g. 'peers'; '=LABEL' picks the plan with exactly"
                            + " that label, e.g. '=loopback' without 'loopback body sizes'.")
    List<String> only = new ArrayList<>();

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=V1,V2",
            description =
                    "Override a @Param for every plan that has it (repeatable), e.g. -p delayMs=0.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--forks",
            paramLabel = "N",
            description =
                    "Run every plan with N forks instead of the profile's count, e.g. the number an"
                            + " INCONCLUSIVE verdict says would decide it.")
    Integer forks;

    @Option(
            names = "--min-warmup",
            paramLabel = "N",
            description =
                    "Warm every series up for at least N iterations (of its plan's warm-up time,"
                            + " 1 s in the quick profile), e.g. when summary.md lists forks still"
                            + " warming up.")
    Integer minWarmup;

    @Option(
            names = "--skip-conformance",
            description =
                    "Do not run the conformance catalogue first (mvn verify runs it too). Default:"
                            + " run it.")
    boolean skipConformance;

    @Option(
            names = "--fail-on-verdict",
            description = "Exit 1 when the gate finds a regression or a claim FAILS.")
    boolean failOnVerdict;

    /**
     * These options, as {@code --resume} will read them back.
     *
     * @return the request, with copies of the lists
     */
    RunRequest request() {
        return new RunRequest(
                profile,
                results.toString(),
                baseline,
                claims == null ? null : claims.toString(),
                jvm,
                jvmArgs,
                pythonSamples,
                pythonSdk,
                pythonVenv.toString(),
                openLoop,
                keepCpusAwake,
                only,
                params,
                forks,
                minWarmup,
                skipConformance,
                failOnVerdict);
    }

    /** Takes every option of {@code r}, as a resumed run must measure what it started to. */
    void apply(RunRequest r) {
        profile = r.profile();
        results = Path.of(r.results());
        baseline = r.baseline();
        claims = r.claims() == null ? null : Path.of(r.claims());
        jvm = r.jvm();
        jvmArgs = new ArrayList<>(r.jvmArgs());
        pythonSamples = r.pythonSamples();
        pythonSdk = r.pythonSdk();
        pythonVenv = Path.of(r.pythonVenv());
        openLoop = r.openLoop();
        keepCpusAwake = r.keepCpusAwake();
        only = new ArrayList<>(r.only());
        params = new LinkedHashMap<>(r.params());
        forks = r.forks();
        minWarmup = r.minWarmup();
        skipConformance = r.skipConformance();
        failOnVerdict = r.failOnVerdict();
    }

    /**
     * The chosen profile.
     *
     * @throws IllegalArgumentException naming {@code --profile} and the names it takes
     */
    Profile profile() {
        try {
            return Profile.valueOf(profile.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--profile: unknown profile '" + profile + "' (smoke, quick, full)");
        }
    }

    /**
     * The profile's plans for the forks' JVM, filtered by {@code --only}, {@code -p}, {@code
     * --forks} and {@code --min-warmup}, with {@code --jvm-args} added.
     *
     * @throws IllegalArgumentException naming the option when a filter leaves nothing or a value is
     *     invalid
     */
    List<Plan> plans(Profile chosen) {
        int forkJava = ForkJvm.featureVersion(jvm);
        return PlanFilter.select(chosen.plansFor(forkJava), only, params, forks, minWarmup).stream()
                .map(p -> jvmArgs.isEmpty() ? p : p.withJvmArgs(concat(p.jvmArgs(), jvmArgs)))
                .toList();
    }

    /**
     * Whether the open-loop recorder runs: {@code --[no-]open-loop}, else the profile's default.
     */
    boolean openLoopEnabled(Profile chosen) {
        return openLoop != null ? openLoop : OpenLoop.enabledByDefault(chosen);
    }

    /** Whether the run holds the CPUs awake: {@code --[no-]keep-cpus-awake}, else off. */
    boolean keepCpusAwakeEnabled() {
        return keepCpusAwake != null && keepCpusAwake;
    }

    /** Whether the real SDK is replayed: {@code --[no-]python-sdk}, else on but for smoke. */
    boolean pythonSdkEnabled(Profile chosen) {
        return pythonSdk != null ? pythonSdk : chosen != Profile.SMOKE;
    }

    /** The claims file to check: {@code --claims}, else {@code claims.json} in the results. */
    Path claimsFile() {
        return claims != null ? claims : results.resolve("claims.json");
    }

    /**
     * Whether the claims are skipped by default: a partial run ({@code --only}) lacks most of what
     * they name, and checking them would be an input error about missing benchmarks, not a finding.
     * An explicit {@code --claims} checks them anyway.
     */
    boolean claimsSkippedAsPartial() {
        return claims == null && !only.isEmpty();
    }

    /** The baseline to gate against: {@code --baseline}, else the results' own; null for none. */
    @Nullable Path baselineDir() {
        if (baseline == null) {
            return results.resolve("baseline");
        }
        return "none".equals(baseline) ? null : Path.of(baseline);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
