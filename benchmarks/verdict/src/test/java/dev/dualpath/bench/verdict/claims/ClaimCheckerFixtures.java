package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.verdict.Fixtures;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@link ClaimChecker} tests check claims against: the synthetic {@code current} JMH run
 * with its environment and Python replay, a checker with the default bootstrap, and a temporary
 * folder for the files a test writes. Each test gets its own.
 */
abstract class ClaimCheckerFixtures {

    @TempDir Path tmp;

    final RunFolder folder = RunFolder.of(Fixtures.jmh("current"));
    final JmhRun run = folder.readRun();
    final RunEnvironment env = folder.readEnvironment(run);
    final PythonSource python =
            PythonSource.of(PythonReplay.read(folder.pythonReplay().orElseThrow()));
    final ClaimChecker checker = new ClaimChecker(BootstrapSettings.DEFAULT);
}
