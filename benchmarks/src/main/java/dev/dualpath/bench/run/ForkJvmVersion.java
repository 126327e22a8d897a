package dev.dualpath.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Java version the benchmark forks run on, for {@code env.json} and {@code sessions.json}: with
 * {@code --jvm} the forks run another JDK than the runner, and a record of the runner's version
 * would then describe the wrong JVM. Read from the {@code release} file every JDK ships in its home
 * ({@code JAVA_VERSION="25.0.3"}), so that recording a version starts no process.
 */
public final class ForkJvmVersion {

    private static final Pattern JAVA_VERSION =
            Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

    private ForkJvmVersion() {}

    /**
     * Returns the version of the JVM the forks run on.
     *
     * @param forkJvm the {@code java} binary given with {@code --jvm}, or null for the runner's own
     * @return the runner's {@code java.version} when {@code forkJvm} is null; else the {@code
     *     JAVA_VERSION} of the {@code release} file two levels above the binary ({@code
     *     <home>/bin/java}), or {@code unknown (...)} saying why when there is none to read
     */
    public static String of(@Nullable String forkJvm) {
        if (forkJvm == null) {
            return System.getProperty("java.version");
        }
        Path binary = Path.of(forkJvm).toAbsolutePath();
        Path bin = binary.getParent();
        Path home = bin == null ? null : bin.getParent();
        if (home == null) {
            return "unknown (no JDK home above " + binary + ")";
        }
        Path release = home.resolve("release");
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : "unknown (no JAVA_VERSION in " + release + ")";
        } catch (IOException e) {
            return "unknown (cannot read " + release + ")";
        }
    }
}
