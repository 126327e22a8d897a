/**
 * The open-loop latency recorder: each strategy, in a fresh JVM, calls the fake provider at a fixed
 * arrival rate, and every call's latency is recorded twice in HdrHistograms, raw (from its actual
 * start) and corrected for coordinated omission (from its intended start).
 *
 * <ul>
 *   <li>{@link dev.dualpath.bench.openloop.ArrivalSchedule}, {@link
 *       dev.dualpath.bench.openloop.OpenLoopDriver}, {@link
 *       dev.dualpath.bench.openloop.LatencyRecorder}: the schedule and the measurement, pure enough
 *       to replay on a fake {@link dev.dualpath.bench.openloop.Ticker}.
 *   <li>{@link dev.dualpath.bench.openloop.StrategyRun}: one strategy against the fake provider, in
 *       this JVM; {@link dev.dualpath.bench.openloop.OpenLoopMain} runs it in a fork started by
 *       {@link dev.dualpath.bench.openloop.ForkLauncher}.
 *   <li>{@link dev.dualpath.bench.openloop.OpenLoop}: every strategy in turn, then {@link
 *       dev.dualpath.bench.openloop.OpenLoopReport} ({@code openloop.json}, {@code openloop.md})
 *       beside {@code hgrm/<strategy>-raw.hgrm} and {@code -corrected.hgrm}, which the report's
 *       charts read.
 * </ul>
 *
 * <p>May depend on {@code dev.dualpath.bench} (the paths and their facade), {@code bench.run} (the
 * profile), the adapter, {@code conformance.fake}, HdrHistogram, Jackson and picocli (the fork's
 * own main); not on the CLI, which starts it, nor on the verdict code, which reads its files.
 */
package dev.dualpath.bench.openloop;
