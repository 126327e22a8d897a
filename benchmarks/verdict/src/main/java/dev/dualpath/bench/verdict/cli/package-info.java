/**
 * The verdict module's command line ({@code VerdictCli}, the thin jar's entry): {@code gate},
 * {@code claims}, {@code report} and {@code evidence} over any JMH JSON result, with the options
 * they share ({@code StatsOptions}, {@code OutputOptions}, {@code PythonOptions}) and the exit
 * codes ({@code ExitCode}: 0 pass, 1 regression or failed claim, 2 bad input naming the file and
 * field). {@code VerdictCommand} is also the base of the benchmarks module's own commands.
 *
 * <p>May depend on every other package of the verdict module and picocli; nothing of the adapter,
 * test kit, conformance suite, JMH, WireMock or any HTTP client (ArchitectureTest).
 */
package dev.dualpath.bench.verdict.cli;
