package dev.dualpath.bench.cli;

import dev.dualpath.bench.machine.CpuWakeHold;
import dev.dualpath.bench.openloop.ForkLauncher;
import dev.dualpath.bench.openloop.OpenLoop;
import dev.dualpath.bench.openloop.OpenLoopReport;
import dev.dualpath.bench.python.PythonVenv;
import dev.dualpath.bench.python.SdkReplayRunner;
import dev.dualpath.bench.run.ConformanceStep;
import dev.dualpath.bench.run.FailedRun;
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
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RefusedPaths;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
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
import java.util.Set;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** The out-of-process stub's own output, in the run folder. */
    static final String STUB_LOG = "stub.log";

    @Mixin RunOptions options = new RunOptions();

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

    @Override
    protected ExitCode execute() throws IOException {
        // From the command's start: conformance and the stub's warm-up count against the budget.
        ForkBudget forkBudget =
                budget == null ? ForkBudget.UNLIMITED : ForkBudget.startingNow(budget);
        if (resume != null) {
            onlyBudgetBeside(resume);
            options.apply(RunRequest.read(resume));
        }
        Profile chosen = options.profile();
        // Filtered before anything runs: a typo in --only, -p or --forks is an error in a second,
        // not after minutes of conformance, and leaves no empty run folder behind.
        List<dev.dualpath.bench.run.Plan> chosenPlans = options.plans(chosen);
        RunOutput run =
                resume != null
                        ? RunOutput.existing(resume)
                        : RunOutput.create(
                                options.results, ZonedDateTime.now(ZoneId.systemDefault()));
        PrintStream console =
                new PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out),
                        true,
                        StandardCharsets.UTF_8);
        CpuPinning pinning = CpuPinning.detect();
        // Held from before env.json is written, so the file says what the forks ran under; a
        // resumed stretch holds it again as its options say (a resumed run keeps its options).
        try (CpuWakeHold wake =
                options.keepCpusAwakeEnabled()
                        ? CpuWakeHold.acquire(CpuWakeHold.DEVICE)
                        : CpuWakeHold.declined("not asked for (--keep-cpus-awake)")) {
            console.println("CPUs: idle wake-up QoS " + wake.description());
            RunRecord record = new RunRecord(chosen, options.jvm, wake);
            return measureAndReport(chosen, chosenPlans, run, pinning, record, forkBudget, console);
        }
    }

    private ExitCode measureAndReport(
            Profile chosen,
            List<dev.dualpath.bench.run.Plan> chosenPlans,
            RunOutput run,
            CpuPinning pinning,
            RunRecord record,
            ForkBudget forkBudget,
            PrintStream console)
            throws IOException {
        if (resume == null) {
            console.println("run folder: " + run.dir());
            options.request().write(run.dir());
            record.writeEnvironment(run, pinning);
        } else {
            console.println("resuming run folder: " + run.dir());
            ResumeCheck.sameCode(run.dir(), console);
        }
        Set<String> refused = refusedPaths(run, console);
        List<dev.dualpath.bench.run.Plan> plans = ConformanceStep.without(chosenPlans, refused);
        String started = RunRecord.now();
        try (StubHost stub = startStub(plans, chosen, pinning, run, console)) {
            JmhLauncher.Outcome outcome =
                    benchmark(
                            plans,
                            stub,
                            pinning,
                            run,
                            forkBudget,
                            o -> record.session(started, o),
                            console);
            if (outcome == null) {
                return ExitCode.BAD_INPUT;
            }
            RunSessions.append(run.dir(), record.session(started, outcome));
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
                PartialSummary.write(record.summaryHeader(), run, outcome, console);
                return ExitCode.PAUSED;
            }
            // Superseded by summary.md; the launcher removed the partial jmh.json it was made from.
            PartialSummary.remove(run);
            if (!openLoop(chosen, stub, run, console)) {
                return ExitCode.BAD_INPUT;
            }
        }
        if (options.pythonSdkEnabled(chosen) && !Files.exists(run.file(RunFolder.PYTHON_SDK))) {
            SdkReplayStep.run(
                    run.dir(),
                    new SdkReplayRunner(new PythonVenv(options.pythonVenv)),
                    SdkReplayRunner.Settings.DEFAULTS,
                    console);
        }
        JmhRun measured = new JmhResultReader().read(run.file(RunOutput.JMH_JSON));
        Bootstrap bootstrap = new Bootstrap(BootstrapSettings.DEFAULT);
        String table =
                new RunSummary(bootstrap).markdown(measured, RunFolder.of(run.dir()).readRounds());
        Files.writeString(
                run.file(RunOutput.SUMMARY_MD),
                record.summaryHeader() + RunSessions.describe(RunSessions.read(run.dir())) + table);
        console.println();
        console.println(table);

        int verdict = reportVerdicts(run);
        console.println("results: " + run.dir());
        return options.failOnVerdict && verdict == ExitCode.FAILED.code()
                ? ExitCode.FAILED
                : ExitCode.OK;
    }

    /**
     * Refuses options beside {@code --resume}: a resumed run takes the options it was started with
     * and cannot change what it measures.
     *
     * @throws IllegalArgumentException naming the options if any but {@code --resume} and {@code
     *     --budget} was given
     */
    private void onlyBudgetBeside(Path resumed) {
        List<String> given =
                spec.commandLine().getParseResult().matchedOptions().stream()
                        .map(o -> o.longestName())
                        .filter(n -> !n.equals("--resume") && !n.equals("--budget"))
                        .toList();
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(
                    "--resume "
                            + resumed
                            + " takes the options the run was started with; only --budget may be"
                            + " given beside it, not "
                            + String.join(", ", given));
        }
    }

    /**
     * The benchmark paths conformance rules out: none when skipped, those a resumed run's first
     * stretch recorded, else the catalogue's verdict now.
     */
    private Set<String> refusedPaths(RunOutput run, PrintStream console) {
        if (options.skipConformance) {
            return Set.of();
        }
        Path recorded = run.file(RunFolder.REFUSED_JSON);
        if (resume != null && Files.isRegularFile(recorded)) {
            return RefusedPaths.read(recorded).reasons().keySet();
        }
        return ConformanceStep.run(run.dir(), console);
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
        if (!JmhLauncher.needsStubProcess(plans) && !options.openLoopEnabled(chosen)) {
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
     * @return what was measured, or null when a benchmark failed (the message says which; the
     *     stretch is recorded in the run's sessions all the same)
     * @throws IllegalArgumentException if a resumed run's schedule or stored forks do not fit this
     *     build's plans
     */
    private JmhLauncher.Outcome benchmark(
            List<dev.dualpath.bench.run.Plan> plans,
            StubHost stub,
            CpuPinning pinning,
            RunOutput run,
            ForkBudget forkBudget,
            java.util.function.Function<JmhLauncher.Outcome, RunSessions.Session> stretch,
            PrintStream console)
            throws IOException {
        long start = System.nanoTime();
        JmhLauncher.Outcome outcome;
        try {
            outcome =
                    new JmhLauncher(console, options.jvm, stub, pinning)
                            .run(
                                    plans,
                                    run.file(RunOutput.JMH_JSON),
                                    run.file(RunOutput.JMH_LOG),
                                    ForkStore.in(run.dir()),
                                    forkBudget);
        } catch (RunnerException e) {
            if (e instanceof FailedRun failed) {
                // The stretch's forks are kept; its entry says so, as a paused stretch's does.
                RunSessions.append(run.dir(), stretch.apply(failed.before()));
            }
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
     * {@code .hgrm} curves), unless it is off or a paused stretch already recorded it.
     *
     * @return false when a strategy FAILED; calls that failed are only reported
     */
    private boolean openLoop(Profile chosen, StubHost stub, RunOutput run, PrintStream console)
            throws IOException {
        if (!options.openLoopEnabled(chosen) || Files.exists(run.file(OpenLoopReport.MARKDOWN))) {
            return true;
        }
        try {
            OpenLoopReport report =
                    OpenLoop.run(
                            OpenLoop.forProfile(chosen),
                            OpenLoop.DEFAULT_STRATEGIES,
                            run.dir(),
                            ForkLauncher.ofThisClasspath(
                                    options.jvm, options.jvmArgs, stub, run.file(OpenLoop.LOG)),
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
                                Integer.toString(options.pythonSamples)));
        Path claimsFile = options.claimsFile();
        if (options.claimsSkippedAsPartial()) {
            System.out.println(
                    "claims: not checked: a partial run (--only "
                            + String.join(", ", options.only)
                            + "); pass --claims FILE to check them anyway");
        } else if (Files.isRegularFile(claimsFile)) {
            args.addAll(List.of("--claims", claimsFile.toString()));
        } else {
            // Said rather than skipped in silence: --results elsewhere moves the default too.
            System.out.println(
                    "claims: not checked: no claims file at "
                            + claimsFile
                            + "; pass --claims FILE to check them");
        }
        Path base = options.baselineDir();
        if (base != null && Files.exists(base.resolve(RunOutput.JMH_JSON))) {
            args.addAll(List.of("--baseline", base.toString()));
        }
        return spec.root().commandLine().execute(args.toArray(String[]::new));
    }
}
