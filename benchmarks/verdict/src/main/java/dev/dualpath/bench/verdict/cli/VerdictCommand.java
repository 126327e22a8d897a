package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: runs {@link #execute()} and maps bad input to exit code 2 with a
 * one-line message naming the file and field (no stack trace for a user's mistake).
 */
public abstract class VerdictCommand implements Callable<Integer> {

    /** Injected by picocli: the command line this command runs in. */
    @Spec protected CommandSpec spec;

    /** The command's steps; returns its exit code. */
    protected abstract ExitCode execute() throws IOException;

    @Override
    public final Integer call() {
        try {
            return execute().code();
        } catch (InputException e) {
            err().println("error: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        } catch (IllegalArgumentException e) {
            err().println("error: " + e.getMessage());
            err().println("Try '" + spec.qualifiedName() + " --help' for usage.");
            return ExitCode.BAD_INPUT.code();
        } catch (IOException e) {
            err().println("error: cannot write output: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
