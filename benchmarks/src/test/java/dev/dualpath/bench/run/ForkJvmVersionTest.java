package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forks' JVM version comes from the JDK they run on, not from the runner's. */
class ForkJvmVersionTest {

    @TempDir Path home;

    @Test
    void noJvmGiven_isTheRunnersOwnVersion() {
        assertThat(ForkJvmVersion.of(null)).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void anotherJdk_isReadFromItsReleaseFile() throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"Eclipse Adoptium\"\n"
                        + "JAVA_VERSION=\"25.0.3\"\n"
                        + "JAVA_VERSION_DATE=\"x\"\n");

        assertThat(ForkJvmVersion.of(home.resolve("bin/java").toString())).isEqualTo("25.0.3");
    }

    @Test
    void aBinaryWithoutAReleaseFile_isUnknown_sayingWhichFileWasMissing() {
        assertThat(ForkJvmVersion.of(home.resolve("bin/java").toString()))
                .startsWith("unknown (cannot read ")
                .endsWith("release)");
    }

    @Test
    void theRunnersOwnBinary_givesTheRunnersVersion() {
        String self = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        assertThat(ForkJvmVersion.of(self)).isEqualTo(System.getProperty("java.version"));
    }
}
