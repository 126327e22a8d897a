/**
 * The {@code dualpath} command line (picocli): {@code run}, {@code gate}, {@code claims}, {@code
 * report}, {@code openloop}, {@code prove-gate} and {@code evidence}. The only package that maps
 * outcomes to exit codes ({@code ExitCode}): 0 pass, 1 a regression or a failed claim (for {@code
 * run} only with {@code --fail-on-verdict}), 2 bad input or usage, with a message naming the file
 * and the field.
 *
 * <p>The top of the benchmarks module: may depend on every other benchmarks package, {@code
 * conformance.fake} and the transports' names; nothing depends on it.
 */
package dev.dualpath.bench.cli;
