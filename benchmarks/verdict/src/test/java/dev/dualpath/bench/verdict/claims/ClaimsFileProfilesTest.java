package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claims file that lists its suite's profiles gets every {@code requiresProfile} checked against
 * them: a misspelt profile is an input error naming the field, not a claim NOT_MEASURED for ever.
 */
class ClaimsFileProfilesTest {

    @TempDir Path tmp;

    private Path claims(String profiles, String requiresProfile) throws IOException {
        Path file = tmp.resolve("claims.json");
        Files.writeString(
                file,
                "{\"schemaVersion\": 1"
                        + profiles
                        + ", \"claims\": [{\"id\": \"c\", \"source\": \"s\", \"statement\":"
                        + " \"t\", \"kind\": \"at_least\", \"target\": 1, \"unit\": \"x\","
                        + " \"java\": {\"quantities\": {\"a\": {\"benchmark\": \"B.m\"}},"
                        + " \"expression\": \"a\", \"requiresProfile\": \""
                        + requiresProfile
                        + "\"}}]}");
        return file;
    }

    @Test
    void aListedProfile_reads() throws IOException {
        ClaimsFile read =
                new ClaimsFileReader()
                        .read(claims(", \"profiles\": [\"quick\", \"full\"]", "full"));

        assertThat(read.claims().get(0).side(Side.JAVA).orElseThrow().requiresProfile())
                .isEqualTo("full");
    }

    @Test
    void aMisspeltProfile_isAnInputErrorNamingTheFieldAndTheProfiles() throws IOException {
        Path file = claims(", \"profiles\": [\"quick\", \"full\"]", "fulll");

        assertThatThrownBy(() -> new ClaimsFileReader().read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("claims[0].java.requiresProfile")
                .hasMessageContaining("'fulll'")
                .hasMessageContaining("quick, full");
    }

    @Test
    void withoutAList_anyProfileReads_theSuiteIsNotKnown() throws IOException {
        assertThat(new ClaimsFileReader().read(claims("", "fulll")).claims()).hasSize(1);
    }

    @Test
    void aListThatIsNoListOfNames_isAnInputError() throws IOException {
        Path empty = claims(", \"profiles\": []", "full");
        Path numbers = claims(", \"profiles\": [1]", "full");

        assertThatThrownBy(() -> new ClaimsFileReader().read(empty))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("profiles");
        assertThatThrownBy(() -> new ClaimsFileReader().read(numbers))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("profiles");
    }
}
