package dev.dualpath.bench.openloop;

import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.BenchPath;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fork's entry point: measures one strategy in this (fresh) JVM and writes its result as JSON
 * for the launcher. Not meant to be run by hand; {@code dualpath openloop} starts it.
 *
 * <pre>
 * java -cp benchmarks.jar dev.dualpath.bench.openloop.OpenLoopMain --strategy DIRECT --transport APACHE \
 *     --delay-ms 10 --rate 200 --warmup-ms 5000 --duration-ms 10000 --callers 16 --out DIR --result FILE
 * </pre>
 *
 * Exit codes: 0 the result file was written (whatever the strategy's status); 2 bad arguments, or
 * the result could not be written.
 */
@Command(name = "openloop-fork", mixinStandardHelpOptions = true, exitCodeOnExecutionException = 2)
public final class OpenLoopMain implements Callable<Integer> {

    @Option(names = "--strategy", required = true)
    BenchPath strategy;

    @Option(names = "--transport", required = true)
    TransportKind transport;

    @Option(names = "--delay-ms", required = true)
    int delayMs;

    @Option(names = "--rate", required = true)
    int rate;

    @Option(names = "--warmup-ms", required = true)
    long warmupMs;

    @Option(names = "--duration-ms", required = true)
    long durationMs;

    @Option(names = "--callers", required = true)
    int callers;

    @Option(
            names = "--out",
            required = true,
            description = "Output folder; the .hgrm files go to its hgrm/.")
    Path out;

    @Option(names = "--result", required = true, description = "Where the result JSON goes.")
    Path result;

    /**
     * Runs one open-loop fork and exits with its status.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        // exit explicitly: a strategy's leftover non-daemon threads must not keep the fork alive
        System.exit(new CommandLine(new OpenLoopMain()).execute(args));
    }

    /** The arguments that make a fork run {@code strategy} with {@code settings}. */
    static String[] arguments(
            BenchPath strategy, OpenLoopSettings settings, Path out, Path result) {
        return new String[] {
            "--strategy",
            strategy.name(),
            "--transport",
            settings.transport().name(),
            "--delay-ms",
            Integer.toString(settings.delayMs()),
            "--rate",
            Integer.toString(settings.ratePerSecond()),
            "--warmup-ms",
            Long.toString(settings.warmupMs()),
            "--duration-ms",
            Long.toString(settings.durationMs()),
            "--callers",
            Integer.toString(settings.callers()),
            "--out",
            out.toString(),
            "--result",
            result.toString()
        };
    }

    @Override
    public Integer call() throws Exception {
        OpenLoopSettings settings =
                new OpenLoopSettings(transport, delayMs, rate, warmupMs, durationMs, callers);
        StrategyResult measured;
        try {
            measured = StrategyRun.run(strategy, settings, out);
        } catch (Exception e) {
            measured =
                    StrategyResult.failed(
                            strategy.name(),
                            settings,
                            e.getClass().getSimpleName() + ": " + e.getMessage(),
                            JvmInfo.current());
        }
        OpenLoopJson.writeResult(measured, result);
        return 0;
    }
}
