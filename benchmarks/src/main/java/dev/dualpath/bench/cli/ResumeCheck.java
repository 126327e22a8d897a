package dev.dualpath.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualpath.bench.run.EnvFingerprint;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Whether a paused run may be resumed by this build: only by the commit that started it, with no
 * local changes, because a resumed run joins forks of both stretches into one {@code jmh.json} and
 * must not join two versions of the code.
 */
final class ResumeCheck {

    private static final String UNKNOWN = "unknown";

    private ResumeCheck() {}

    /**
     * Checks the run's recorded commit against the working tree's.
     *
     * @param runDir the run folder, holding {@code env.json}
     * @param console where a warning goes when git cannot tell (no git on either side)
     * @throws IllegalArgumentException naming both commits when they differ or either tree had
     *     changes, or naming the file when it cannot be read
     */
    static void sameCode(Path runDir, PrintStream console) {
        Path env = runDir.resolve(RunFolder.ENV_JSON);
        String recorded;
        try {
            JsonNode commit = new ObjectMapper().readTree(env.toFile()).path("gitCommit");
            if (!commit.isTextual()) {
                throw new IllegalArgumentException("--resume: " + env + ": no gitCommit");
            }
            recorded = commit.asText();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--resume: " + env + " cannot be read: " + e.getMessage(), e);
        }
        check(recorded, EnvFingerprint.currentGitCommit(), console);
    }

    /** The rule, apart from where the commits come from. */
    static void check(String recorded, String current, PrintStream console) {
        if (recorded.equals(UNKNOWN) && current.equals(UNKNOWN)) {
            console.println(
                    "warning: no git commit recorded or found; cannot tell whether the code"
                            + " changed since the run started");
            return;
        }
        if (recorded.endsWith("-dirty") || current.endsWith("-dirty")) {
            throw new IllegalArgumentException(
                    "--resume: the run started on "
                            + recorded
                            + " and this tree is "
                            + current
                            + "; a tree with local changes cannot be told apart from another"
                            + " version of the code: resume from a clean checkout of the run's"
                            + " commit");
        }
        if (!recorded.equals(current)) {
            throw new IllegalArgumentException(
                    "--resume: the run started on commit "
                            + recorded
                            + ", this tree is "
                            + current
                            + "; check out "
                            + recorded
                            + " to resume it");
        }
    }
}
