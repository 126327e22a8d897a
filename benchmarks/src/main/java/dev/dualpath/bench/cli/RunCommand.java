package dev.dualpath.bench.cli;

import dev.dualpath.bench.openloop.ForkLauncher;
import dev.dualpath.bench.openloop.OpenLoop;
import dev.dualpath.bench.openloop.OpenLoopReport;
import dev.dualpath.bench.python.PythonVenv;
import dev.dualpath.bench.python.SdkReplayRunner;
import dev.dualpath.bench.run.ConformanceStep;
import dev.dualpath.bench.run.EnvFingerprint;
import dev.dualpath.bench.run.ForkBudget;
import dev.dualpath.bench.run.ForkStore;
import dev.dualpath.bench.run.JmhLauncher;
import dev.dualpath.bench.run.Profile;
import dev.dualpath.bench.run.RunOutput;
import dev.dualpath.bench.run.RunSessions;
import dev.dualpath.bench.run.RunSummary;
import dev.dualpath.bench.run.SdkReplayStep;
import dev.dualpath.bench.stub.CpuPinning;
import dev.dualpath.bench.stub.StubHost;
import dev.dualpath.bench.verdict.cli.ExitCode;
import dev.dualpath.bench.verdict.cli.VerdictCommand;
import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RefusedPaths;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import dev.dualpath.conformance.fake.FakeProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dualpath run}: the main job. Benchmarks a profile in real JMH forks, writes everything
 * into a fresh {@code results/runs/<timestamp>/}, prints the strategy table, then checks the claims
 * and gates against the committed baseline through {@code report}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = 2,
        description = {
            "Run a benchmark profile, its forks interleaved in rounds, and write"
                    + " results/runs/<timestamp>/: jmh.json, rounds.json, jmh.log, env.json,",
            "python-replay.json, python-sdk.json, summary.md, report.md/json, junit.xml, charts/."
                    + " Then print the",
            "claims and the gate against the baseline."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:run complete (verdicts are printed; with --fail-on-verdict, none failed)",
            "1:with --fail-on-verdict, the gate found a regression or a claim FAILS",
            "2:usage error, or a benchmark failed (its setup check or an exception)",
            "3:paused at --budget with forks still to measure; resume with --resume DIR"
        })
final class RunCommand extends VerdictCommand {

    /** A paused run's summary of the plans it has finished. */
    static final String PARTIAL_SUMMARY_MD = "summary-partial.md";

    /** The out-of-process stub's own output, in the run folder. */
    static final String STUB_LOG = "stub.log";

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
            names = "--only",
            paramLabel = "TEXT",
            description =
                    "Run only the profile's plans whose label or benchmark pattern contains TEXT"
                            + " (repeatable), e.g. 'peers'.")
    List<String> only = new ArrayList<>();

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=V1,V2",
            description =
                    "Override a @Param for every plan that has it (repeatable), e.g. -p delayMs=0.")
    Map<String, String> params = new java.util.LinkedHashMap<>();

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
            names = "--budget",
            paramLabel = "TIME",
            converter = Budget.class,
            description =
                    "Start no benchmark round that would end later than TIME from now (e.g. 2h,"
                            + " 90m), then pause with exit code 3: every finished fork is kept in"
                            + " the run folder's forks/, and --resume goes on from there. For a"
                            + " profile longer than the machine can be given at once (the full"
                            + " profile: over 3 hours). Default: no limit.")
    Duration budget;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description =
                    "Go on with the paused (or killed) run in DIR, with the options it was started"
                            + " with (only --budget may be given beside it), measuring only the"
                            + " forks it lacks. Refused if the code's commit is not the one the"
                            + " run started on.")
    Path resume;

    @Option(
            names = "--fail-on-verdict",
            description = "Exit 1 when the gate finds a regression or a claim FAILS.")
    boolean failOnVerdict;

    @Override
    protected ExitCode execute() throws IOException {
        // From the command's start: conformance and the stub's warm-up count against the budget.
        ForkBudget forkBudget =
                budget == null ? ForkBudget.UNLIMITED : ForkBudget.startingNow(budget);
        if (resume != null) {
            apply(RunRequest.read(resume));
        }
        Profile chosen = parseProfile();
        // Filtered before anything runs: a typo in --only, -p or --forks is an error in a second,
        // not after minutes of conformance, and leaves no empty run folder behind.
        List<dev.dualpath.bench.run.Plan> chosenPlans = plans(chosen);
        RunOutput run =
                resume != null
                        ? RunOutput.existing(resume)
                        : RunOutput.create(results, ZonedDateTime.now(ZoneId.systemDefault()));
        PrintStream console =
                new PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out),
                        true,
                        StandardCharsets.UTF_8);
        CpuPinning pinning = CpuPinning.detect();
        if (resume == null) {
            console.println("run folder: " + run.dir());
            request().write(run.dir());
            writeEnvironment(chosen, run, pinning);
        } else {
            console.println("resuming run folder: " + run.dir());
            ResumeCheck.sameCode(run.dir(), console);
        }
        Set<String> refused = refusedPaths(run, console);
        List<dev.dualpath.bench.run.Plan> plans = ConformanceStep.without(chosenPlans, refused);
        String started = now();
        try (StubHost stub = startStub(plans, chosen, pinning, run, console)) {
            JmhLauncher.Outcome outcome = benchmark(plans, stub, run, forkBudget, console);
            if (outcome == null) {
                return ExitCode.BAD_INPUT;
            }
            RunSessions.append(run.dir(), session(started, outcome));
            if (!outcome.complete()) {
                console.printf(
                        "paused at the budget: %d of %d forks measured (%d in this stretch);"
                                + " every one is kept in %s%n"
                                + "resume with: ./dualpath run --resume %s [--budget TIME]%n",
                        outcome.resumed() + outcome.measured(),
                        outcome.forks(),
                        outcome.measured(),
                        run.file(ForkStore.FOLDER),
                        run.dir());
                partialSummary(chosen, run, outcome, console);
                return ExitCode.PAUSED;
            }
            // Superseded by summary.md; the launcher removed the partial jmh.json it was made from.
            Files.deleteIfExists(run.file(PARTIAL_SUMMARY_MD));
            if (!openLoop(chosen, stub, run, console)) {
                return ExitCode.BAD_INPUT;
            }
        }
        if ((pythonSdk != null ? pythonSdk : chosen != Profile.SMOKE)
                && !Files.exists(run.file(RunFolder.PYTHON_SDK))) {
            SdkReplayStep.run(
                    run.dir(),
                    new SdkReplayRunner(new PythonVenv(pythonVenv)),
                    SdkReplayRunner.Settings.DEFAULTS,
                    console);
        }
        JmhRun measured = new JmhResultReader().read(run.file(RunOutput.JMH_JSON));
        Bootstrap bootstrap = new Bootstrap(BootstrapSettings.DEFAULT);
        String table =
                new RunSummary(bootstrap).markdown(measured, RunFolder.of(run.dir()).readRounds());
        Files.writeString(
                run.file(RunOutput.SUMMARY_MD),
                summaryHeader(chosen) + RunSessions.describe(RunSessions.read(run.dir())) + table);
        console.println();
        console.println(table);

        int verdict = reportVerdicts(run);
        console.println("results: " + run.dir());
        return failOnVerdict && verdict == ExitCode.FAILED.code() ? ExitCode.FAILED : ExitCode.OK;
    }

    /** This run's options, as {@code --resume} will read them back. */
    private RunRequest request() {
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
                only,
                params,
                forks,
                minWarmup,
                skipConformance,
                failOnVerdict);
    }

    /**
     * Takes the options of the run being resumed.
     *
     * @throws IllegalArgumentException if any option but {@code --resume} and {@code --budget} was
     *     given: a resumed run cannot change what it measures
     */
    private void apply(RunRequest r) {
        List<String> given =
                spec.commandLine().getParseResult().matchedOptions().stream()
                        .map(o -> o.longestName())
                        .filter(n -> !n.equals("--resume") && !n.equals("--budget"))
                        .toList();
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(
                    "--resume takes the options the run was started with; only --budget may be"
                            + " given beside it, not "
                            + String.join(", ", given));
        }
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
        only = new ArrayList<>(r.only());
        params = new java.util.LinkedHashMap<>(r.params());
        forks = r.forks();
        minWarmup = r.minWarmup();
        skipConformance = r.skipConformance();
        failOnVerdict = r.failOnVerdict();
    }

    /**
     * The benchmark paths conformance rules out: none when skipped, those a resumed run's first
     * stretch recorded, else the catalogue's verdict now.
     */
    private Set<String> refusedPaths(RunOutput run, PrintStream console) {
        if (skipConformance) {
            return Set.of();
        }
        Path recorded = run.file(RunFolder.REFUSED_JSON);
        if (resume != null && Files.isRegularFile(recorded)) {
            return RefusedPaths.read(recorded).reasons().keySet();
        }
        return ConformanceStep.run(run.dir(), console);
    }

    /**
     * A paused run's look so far: {@code summary-partial.md} from the plans it has finished, with
     * no verdicts (the claims and the gate wait for the whole run).
     */
    private static void partialSummary(
            Profile chosen, RunOutput run, JmhLauncher.Outcome outcome, PrintStream console)
            throws IOException {
        Path partial = run.file(JmhLauncher.PARTIAL_JSON);
        if (outcome.plansDone().isEmpty() || !Files.isRegularFile(partial)) {
            return;
        }
        JmhRun measured = new JmhResultReader().read(partial);
        String table =
                new RunSummary(new Bootstrap(BootstrapSettings.DEFAULT))
                        .markdown(measured, ForkRounds.read(run.file(RunFolder.ROUNDS_JSON)));
        Path out = run.file(PARTIAL_SUMMARY_MD);
        Files.writeString(
                out,
                summaryHeader(chosen)
                        + "**Paused, not finished**: "
                        + (outcome.resumed() + outcome.measured())
                        + " of "
                        + outcome.forks()
                        + " forks measured. The tables below hold only the plans finished so far ("
                        + String.join(", ", outcome.plansDone())
                        + "), from `"
                        + JmhLauncher.PARTIAL_JSON
                        + "`; no claim or gate is judged until the run is.\n\n"
                        + RunSessions.describe(RunSessions.read(run.dir()))
                        + table);
        console.println("the plans finished so far: " + out);
    }

    private RunSessions.Session session(String started, JmhLauncher.Outcome outcome) {
        return new RunSessions.Session(
                started,
                now(),
                EnvFingerprint.currentGitCommit(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                outcome.measured(),
                outcome.resumed(),
                outcome.forks());
    }

    private static String now() {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                ZonedDateTime.now(ZoneId.systemDefault()).withNano(0));
    }

    private Profile parseProfile() {
        try {
            return Profile.valueOf(profile.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--profile: unknown profile '" + profile + "' (smoke, quick, full)");
        }
    }

    private void writeEnvironment(Profile chosen, RunOutput run, CpuPinning pinning)
            throws IOException {
        // What the benchmarks start, read from the options they use, so env.json cannot drift from
        // them.
        Map<String, String> stub =
                new java.util.LinkedHashMap<>(
                        StubHost.describe(pinning, FakeProvider.Options.benchmark()));
        stub.put("server", "WireMock 3.13.2, 127.0.0.1, dynamic port");
        stub.put("http", "HTTP/1.1 only, gzip off");
        EnvFingerprint.capture(
                        chosen.name().toLowerCase(java.util.Locale.ROOT),
                        jvm,
                        stub,
                        ZonedDateTime.now(ZoneId.systemDefault()))
                .write(run.file(RunOutput.ENV_JSON));
    }

    /**
     * The profile's plans for the forks' JVM, filtered by {@code --only}, {@code -p}, {@code
     * --forks} and {@code --min-warmup}, with {@code --jvm-args} added.
     *
     * @throws IllegalArgumentException naming the option when a filter leaves nothing or a value is
     *     invalid
     */
    private List<dev.dualpath.bench.run.Plan> plans(Profile chosen) {
        int forkJava = ForkJvm.featureVersion(jvm);
        return PlanFilter.select(chosen.plansFor(forkJava), only, params, forks, minWarmup).stream()
                .map(p -> jvmArgs.isEmpty() ? p : p.withJvmArgs(concat(p.jvmArgs(), jvmArgs)))
                .toList();
    }

    /**
     * The run's out-of-process stub, when a plan or the open-loop recorder needs one; else null.
     */
    private StubHost startStub(
            List<dev.dualpath.bench.run.Plan> plans,
            Profile chosen,
            CpuPinning pinning,
            RunOutput run,
            PrintStream console) {
        if (!JmhLauncher.needsStubProcess(plans) && !openLoopEnabled(chosen)) {
            return null;
        }
        StubHost stub = StubHost.start(pinning, run.file(STUB_LOG));
        console.println(
                "stub: " + stub.baseUrl() + " in its own JVM; pinning " + pinning.description());
        return stub;
    }

    /**
     * Runs the plans' forks that the run folder's {@link ForkStore} lacks, within the budget.
     *
     * @return what was measured, or null when a benchmark failed; the message says which
     * @throws IllegalArgumentException if a resumed run's schedule or stored forks do not fit this
     *     build's plans
     */
    private JmhLauncher.Outcome benchmark(
            List<dev.dualpath.bench.run.Plan> plans,
            StubHost stub,
            RunOutput run,
            ForkBudget forkBudget,
            PrintStream console)
            throws IOException {
        long start = System.nanoTime();
        JmhLauncher.Outcome outcome;
        try {
            outcome =
                    new JmhLauncher(console, jvm, stub)
                            .run(
                                    plans,
                                    run.file(RunOutput.JMH_JSON),
                                    run.file(RunOutput.JMH_LOG),
                                    ForkStore.in(run.dir()),
                                    forkBudget);
        } catch (RunnerException e) {
            err().println(
                            "error: a benchmark failed: "
                                    + e.getMessage()
                                    + " (see "
                                    + run.file(RunOutput.JMH_LOG)
                                    + "); the forks finished before it are kept: --resume "
                                    + run.dir()
                                    + " measures the rest");
            return null;
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--resume: " + e.getMessage(), e);
        }
        console.printf(
                "benchmarks took %s%n",
                Duration.ofSeconds(Duration.ofNanos(System.nanoTime() - start).toSeconds()));
        return outcome;
    }

    /**
     * Runs the open-loop recorder into the run folder (before the report, so its charts include the
     * {@code .hgrm} curves).
     *
     * @return false when a strategy FAILED; calls that failed are only reported
     */
    private boolean openLoopEnabled(Profile chosen) {
        return openLoop != null ? openLoop : OpenLoop.enabledByDefault(chosen);
    }

    private boolean openLoop(Profile chosen, StubHost stub, RunOutput run, PrintStream console)
            throws IOException {
        if (!openLoopEnabled(chosen) || Files.exists(run.file(OpenLoopReport.MARKDOWN))) {
            return true;
        }
        try {
            OpenLoopReport report =
                    OpenLoop.run(
                            OpenLoop.forProfile(chosen),
                            OpenLoop.DEFAULT_STRATEGIES,
                            run.dir(),
                            ForkLauncher.ofThisClasspath(
                                    jvm, jvmArgs, stub, run.file(OpenLoop.LOG)),
                            console::println);
            if (report.anyFailed()) {
                err().println(
                                "error: an open-loop strategy failed (see "
                                        + run.file(OpenLoopReport.MARKDOWN)
                                        + ")");
            }
            return !report.anyFailed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Claims and gate through {@code report}, which prints its Markdown and writes every format
     * into the run.
     */
    private int reportVerdicts(RunOutput run) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "report",
                                "--run",
                                run.dir().toString(),
                                "--run-python",
                                "--python-samples",
                                Integer.toString(pythonSamples)));
        Path claimsFile = claims != null ? claims : results.resolve("claims.json");
        if (claims == null && !only.isEmpty()) {
            // A partial run lacks most of what the claims name: checking them would be an input
            // error about missing benchmarks, not a finding.
            System.out.println(
                    "claims: not checked: a partial run (--only "
                            + String.join(", ", only)
                            + "); pass --claims FILE to check them anyway");
        } else if (Files.isRegularFile(claimsFile)) {
            args.addAll(List.of("--claims", claimsFile.toString()));
        }
        Path base =
                baseline != null
                        ? ("none".equals(baseline) ? null : Path.of(baseline))
                        : results.resolve("baseline");
        if (base != null && Files.exists(base.resolve(RunOutput.JMH_JSON))) {
            args.addAll(List.of("--baseline", base.toString()));
        }
        return spec.root().commandLine().execute(args.toArray(String[]::new));
    }

    private static String summaryHeader(Profile chosen) {
        return RunSummary.header(chosen.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
