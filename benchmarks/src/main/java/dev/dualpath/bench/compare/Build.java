package dev.dualpath.bench.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One side of a comparison as it is run: a benchmarks jar and the JVM arguments its forks get on
 * top of the comparison's fork flags (empty, or a test-only knob such as {@code
 * -Ddualpath.bench.extraDelayNanos=260}).
 *
 * @param jar a self-contained JMH benchmarks jar
 * @param description what it was built from (a git commit, a jar path), for the report
 * @param extraJvmArgs arguments for this side's forks only
 */
public record Build(Path jar, String description, List<String> extraJvmArgs) {

    /** Validates and freezes. */
    public Build {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(description, "description");
        extraJvmArgs = List.copyOf(extraJvmArgs);
    }

    /** The same build with more JVM arguments for its forks. */
    public Build withExtraJvmArgs(List<String> more) {
        List<String> all = new java.util.ArrayList<>(extraJvmArgs);
        all.addAll(more);
        return new Build(jar, description, all);
    }
}
