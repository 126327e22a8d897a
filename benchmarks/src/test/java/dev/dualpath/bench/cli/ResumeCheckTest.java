package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A paused run joins only forks of the same code. */
class ResumeCheckTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theSameCleanCommit_resumes() {
        assertThatCode(() -> ResumeCheck.check("abc123", "abc123", console))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherCommit_isRefused_namingBoth() {
        assertThatThrownBy(() -> ResumeCheck.check("abc123", "def456", console))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("abc123")
                .hasMessageContaining("def456")
                .hasMessageContaining("check out abc123");
    }

    @Test
    void localChangesOnEitherSide_areRefused_evenOnTheSameCommit() {
        assertThatThrownBy(() -> ResumeCheck.check("abc123", "abc123-dirty", console))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clean checkout");
        assertThatThrownBy(() -> ResumeCheck.check("abc123-dirty", "abc123-dirty", console))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noGitOnEitherSide_resumesWithAWarning() {
        ResumeCheck.check("unknown", "unknown", console);

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cannot tell");
    }

    @Test
    void aKnownCommitAgainstNone_isRefused() {
        assertThatThrownBy(() -> ResumeCheck.check("abc123", "unknown", console))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
