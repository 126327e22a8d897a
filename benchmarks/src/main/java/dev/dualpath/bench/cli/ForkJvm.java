package dev.dualpath.bench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Java version the benchmark forks will run, so a profile can add what needs a newer JVM. */
final class ForkJvm {

    private static final Pattern SPEC = Pattern.compile("java\\.specification\\.version = (\\d+)");

    private ForkJvm() {}

    /**
     * @param jvm the forks' JVM binary, or null for this JVM
     * @return its feature version (17, 21, 25, …)
     * @throws IllegalArgumentException naming {@code --jvm} if the binary cannot be run or says no
     *     version
     */
    static int featureVersion(String jvm) {
        if (jvm == null) {
            return Runtime.version().feature();
        }
        try {
            Process p =
                    new ProcessBuilder(jvm, "-XshowSettings:properties", "-version")
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalArgumentException(
                        "--jvm: " + jvm + " did not answer -version within 30 s");
            }
            return parse(out, jvm);
        } catch (IOException e) {
            throw new IllegalArgumentException("--jvm: cannot run " + jvm + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(
                    "--jvm: interrupted while asking " + jvm + " for its version");
        }
    }

    static int parse(String settings, String jvm) {
        Matcher m = SPEC.matcher(settings);
        if (!m.find()) {
            throw new IllegalArgumentException(
                    "--jvm: " + jvm + " printed no java.specification.version");
        }
        return Integer.parseInt(m.group(1));
    }
}
