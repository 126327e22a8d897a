/**
 * The main job's orchestration: a {@code Profile} (smoke, quick, full) is a list of {@code Plan}s
 * built with named settings (forks, warm-up, measurement, params, JVM arguments); {@code
 * JmhLauncher} runs them in real forks with progress and an ETA; {@code ConformanceStep} runs the
 * catalogue first and drops a strategy that fails it; {@code RunOutput} and {@code EnvFingerprint}
 * write the run folder ({@code jmh.json}, {@code env.json} with JVM, flags, CPU count and date);
 * {@code StrategyTable} prints per-strategy overheads with confidence intervals over forks.
 *
 * <p>May depend on {@code dev.dualpath.bench}, the verdict's {@code jmh} and {@code stats}
 * packages, the conformance runner and results, and JMH's runner; not on the CLI.
 */
package dev.dualpath.bench.run;
