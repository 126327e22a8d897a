package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.gate.RunSpread;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The run-to-run spread a gate against a baseline adds, shared by {@code gate} and {@code report}.
 */
final class RunSpreadOption {

    /** The value that turns the spread off. */
    static final String NONE = "none";

    @Option(
            names = "--run-spread",
            paramLabel = "FILE|none",
            description =
                    "Run-to-run spread of each series (written by 'spread') to add to its variance,"
                            + " so that a baseline from another day is not judged by that day's"
                            + " speed. Default: the baseline folder's "
                            + RunSpread.FILE_NAME
                            + " when it has one; 'none' judges on forks alone.")
    String spread;

    /**
     * The spread named, else the baseline folder's, else {@link RunSpread#NONE}.
     *
     * @throws dev.dualpath.bench.verdict.InputException naming the file and field if it is
     *     malformed
     */
    RunSpread resolve(RunFolder baseline) {
        if (NONE.equals(spread)) return RunSpread.NONE;
        if (spread != null) return RunSpread.read(Path.of(spread));
        Path beside = baseline.folder().resolve(RunSpread.FILE_NAME);
        return Files.isRegularFile(beside) ? RunSpread.read(beside) : RunSpread.NONE;
    }
}
