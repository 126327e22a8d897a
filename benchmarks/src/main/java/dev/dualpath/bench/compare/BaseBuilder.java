package dev.dualpath.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns {@code --base} into a benchmarks jar: a path to a jar is used as it is; anything else is a
 * git revision of this repository, checked out into a temporary git worktree and built there with
 * {@code mvn -B -q -DskipTests package}, its {@code benchmarks/target/benchmarks.jar} copied into
 * the comparison's folder, and the worktree removed again (also on failure).
 */
public final class BaseBuilder {

    private static final long BUILD_TIMEOUT_MINUTES = 30;

    private final Path repository;
    private final String maven;

    /**
     * @param repository the git repository's top folder
     * @param maven the Maven executable ({@code mvn} on the PATH by default)
     */
    public BaseBuilder(Path repository, String maven) {
        this.repository = repository;
        this.maven = maven;
    }

    /**
     * Returns the build.
     *
     * @param base a jar path or a git revision (commit, branch, tag, {@code HEAD~1}, ...)
     * @param outDir where the built jar ({@code base.jar}) and the build log go
     * @return the build
     * @throws IllegalArgumentException naming {@code --base} if it is neither an existing jar nor a
     *     revision of this repository, or its build fails
     * @throws IOException if files cannot be copied
     * @throws InterruptedException if interrupted while building
     */
    public Build resolve(String base, Path outDir) throws IOException, InterruptedException {
        Path asPath = Path.of(base);
        if (base.endsWith(".jar")) {
            if (!Files.isRegularFile(asPath)) {
                throw new IllegalArgumentException("--base: no such jar: " + base);
            }
            return new Build(asPath.toAbsolutePath(), "jar " + asPath.toAbsolutePath(), List.of());
        }
        String commit = git(List.of("rev-parse", "--verify", "--quiet", base + "^{commit}"));
        if (commit.isEmpty()) {
            throw new IllegalArgumentException(
                    "--base: '" + base + "' is neither a jar nor a git revision of " + repository);
        }
        Path tree = Files.createTempDirectory("dualpath-base-");
        Path log = outDir.resolve("base-build.log");
        try {
            git(List.of("worktree", "add", "--detach", "--force", tree.toString(), commit));
            Process p =
                    new ProcessBuilder(maven, "-B", "-q", "-DskipTests", "package")
                            .directory(tree.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (!p.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalArgumentException(
                        "--base: building "
                                + base
                                + " took over "
                                + BUILD_TIMEOUT_MINUTES
                                + " min");
            }
            Path jar = tree.resolve("benchmarks/target/benchmarks.jar");
            if (p.exitValue() != 0 || !Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(
                        "--base: building " + base + " (" + commit + ") failed; see " + log);
            }
            Path copy = outDir.resolve("base.jar");
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            return new Build(copy, "git " + base + " (" + commit + ")", List.of());
        } finally {
            git(List.of("worktree", "remove", "--force", tree.toString()));
            deleteQuietly(tree);
        }
    }

    private String git(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.getErrorStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "";
        }
        return p.exitValue() == 0 ? out : "";
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException e) {
                                    // Left for the OS's temp cleaner; the comparison is unaffected.
                                }
                            });
        } catch (IOException e) {
            // As above.
        }
    }
}
