package dev.dualpath.bench.verdict.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The verdict tools on their own, for any team's JMH results: the thin jar's entry point.
 *
 * <pre>
 * java -jar benchmarks/verdict/target/dualpath-verdict-0.1.0-SNAPSHOT.jar gate \
 *     --baseline old/jmh.json --current new/jmh.json
 * java -jar ... claims --run run/ --claims claims.json
 * java -jar ... report --run run/ --baseline old/ --claims claims.json
 * java -jar ... sequential compare-folder/     (re-judge an interleaved A/B comparison's forks)
 * </pre>
 *
 * Exit codes: 0 pass; 1 regression, failed claim, or evidence not shown; 2 usage or input error.
 * {@code dualpath} (the benchmarks' CLI) offers the same commands next to the ones that run JMH.
 */
@Command(
        name = "dualpath-verdict",
        mixinStandardHelpOptions = true,
        version = "dualpath-verdict 0.1.0",
        description = "Gate JMH runs, check overhead claims, write reports; any team's JMH JSON.",
        subcommands = {
            GateCommand.class,
            SpreadCommand.class,
            ClaimsCommand.class,
            ReportCommand.class,
            EvidenceCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:pass",
            "1:regression, failed claim, or evidence not shown",
            "2:usage or input error"
        })
public final class VerdictCli implements Callable<Integer> {

    @Spec CommandSpec spec;

    /**
     * Runs one subcommand and exits with its code (0 pass, 1 regression, 2 bad input).
     *
     * @param args a subcommand and its options; see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new VerdictCli()).execute(args));
    }

    /** Without a subcommand: print usage and report a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT.code();
    }
}
