package dev.dualpath.bench.cli;

import dev.dualpath.bench.verdict.cli.ClaimsCommand;
import dev.dualpath.bench.verdict.cli.EvidenceCommand;
import dev.dualpath.bench.verdict.cli.ExitCode;
import dev.dualpath.bench.verdict.cli.GateCommand;
import dev.dualpath.bench.verdict.cli.ReportCommand;
import dev.dualpath.bench.verdict.cli.SpreadCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The dualpath command line: turns JMH results into verdicts. Works on any team's JMH JSON.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dualpath.bench.cli.DualpathCli gate \
 *     --baseline results/baseline --current results/runs/2025-01-01T00-00 --out results/runs/2025-01-01T00-00
 * java -cp ... DualpathCli claims --run results/runs/X --claims results/claims.json --run-python
 * java -cp ... DualpathCli report --run results/runs/X --baseline results/baseline --claims results/claims.json
 * java -cp ... DualpathCli evidence results/runs/X        (a run with >= 10 forks, or several runs)
 * java -cp ... DualpathCli openloop --out results/runs/X --rate 200 --delay-ms 10   (.hgrm per strategy)
 * java -cp ... DualpathCli sdk-replay --run results/runs/X      (the patterns on the real Python SDK)
 * </pre>
 *
 * Exit codes: 0 pass; 1 regression, failed claim, or evidence not shown; 2 usage or input error. To
 * add a command, add its class to {@code subcommands} below.
 */
@Command(
        name = "dualpath",
        mixinStandardHelpOptions = true,
        version = "dualpath 0.1.0",
        description = "Gate JMH runs against a baseline, check overhead claims, write reports.",
        subcommands = {
            RunCommand.class,
            CompareCommand.class,
            PowerCommand.class,
            GateCommand.class,
            SpreadCommand.class,
            ProveGateCommand.class,
            ClaimsCommand.class,
            ReportCommand.class,
            EvidenceCommand.class,
            OpenLoopCommand.class,
            SdkReplayCommand.class,
            SummaryCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:pass",
            "1:regression, failed claim, or evidence not shown",
            "2:usage or input error"
        })
public final class DualpathCli implements Callable<Integer> {

    @Spec CommandSpec spec;

    /**
     * Runs the command line and exits with its exit code (0 pass, 1 regression, 2 bad input).
     *
     * @param args a subcommand and its options; see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DualpathCli()).execute(args));
    }

    /** Without a subcommand: print usage and report a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT.code();
    }
}
