package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every claim in results/claims.json quotes the write-up it tests; the quotation must be found,
 * character for character, in docs/origin.md, so a claim cannot drift from what was claimed.
 */
class ProjectClaimSourcesTest {

    /** A source may name the figure it is a share of: {@code <quote> of "<quote>"}. */
    private static final String SHARE_OF = " of \"";

    @Test
    void everyClaimSourceIsQuotedVerbatimInTheOriginDoc() throws IOException {
        String origin = Files.readString(Fixtures.originDoc());
        List<Claim> claims = new ClaimsFileReader().read(Fixtures.projectClaims()).claims();
        assertThat(claims).isNotEmpty();
        for (Claim claim : claims) {
            for (String quote : quotes(claim.source())) {
                assertThat(origin).as("claim %s quotes docs/origin.md", claim.id()).contains(quote);
            }
        }
    }

    @Test
    void aShareSourceIsSplitIntoItsTwoQuotes() {
        assertThat(quotes("1. Create event loop (~0.5ms) of \"Overhead: ~1.1ms\""))
                .containsExactly("1. Create event loop (~0.5ms)", "Overhead: ~1.1ms");
        assertThat(quotes("Overhead: ~1.1ms (0.07%)")).containsExactly("Overhead: ~1.1ms (0.07%)");
    }

    private static List<String> quotes(String source) {
        List<String> out = new ArrayList<>();
        int share = source.indexOf(SHARE_OF);
        if (share < 0 || !source.endsWith("\"")) {
            out.add(source);
            return out;
        }
        out.add(source.substring(0, share));
        out.add(source.substring(share + SHARE_OF.length(), source.length() - 1));
        return out;
    }
}
