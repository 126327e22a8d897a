package dev.dualpath.bench.verdict.claims;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed claims file ({@code results/claims.json}).
 *
 * @param file where it was read from
 * @param subjects subject name to its placeholder variables, e.g. {@code DIRECT -> {path: DIRECT,
 *     series: direct_call}}
 * @param claims the claims in file order
 */
public record ClaimsFile(Path file, Map<String, Map<String, String>> subjects, List<Claim> claims) {

    /** Freezes the collections. */
    public ClaimsFile {
        subjects = Map.copyOf(subjects);
        claims = List.copyOf(claims);
    }
}
