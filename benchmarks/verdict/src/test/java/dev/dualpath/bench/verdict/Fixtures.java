package dev.dualpath.bench.verdict;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Locates the synthetic JMH fixtures under src/test/resources/jmh (see generate_fixtures.py there).
 */
public final class Fixtures {

    private Fixtures() {}

    /** A path under the jmh fixture folder, e.g. {@code run("current")}. */
    public static Path jmh(String relative) {
        URL url = Fixtures.class.getResource("/jmh/" + relative);
        if (url == null) throw new IllegalStateException("fixture missing: " + relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The project's committed baseline run, results/baseline/jmh.json (3 forks a series, the quick
     * profile), relative to the verdict module.
     */
    public static Path projectBaseline() {
        return Path.of("..", "..", "results", "baseline", "jmh.json").toAbsolutePath().normalize();
    }

    /**
     * The committed baseline's run-to-run spread, results/baseline/run-spread.json, relative to the
     * verdict module.
     */
    public static Path projectRunSpread() {
        return projectBaseline().resolveSibling("run-spread.json");
    }

    /** The project's claims file, results/claims.json, relative to the verdict module. */
    public static Path projectClaims() {
        return Path.of("..", "..", "results", "claims.json").toAbsolutePath().normalize();
    }

    /** The write-up the claims quote, docs/origin.md, relative to the verdict module. */
    public static Path originDoc() {
        return Path.of("..", "..", "docs", "origin.md").toAbsolutePath().normalize();
    }
}
