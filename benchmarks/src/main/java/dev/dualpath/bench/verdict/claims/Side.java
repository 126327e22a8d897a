package dev.dualpath.bench.verdict.claims;

/** Which implementation a claim is checked on, in the order reports show them. */
public enum Side {
    /** The Java port, measured by JMH. */
    JAVA("Java port"),
    /**
     * The original Python asyncio pattern with a trivial coroutine, standard library only
     * (asyncio_replay.py).
     */
    PYTHON("Python stdlib replay"),
    /**
     * The original patterns on the real Python SDK against the benchmarks' stub (sdk_replay.py).
     */
    PYTHON_SDK("Python real SDK");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    /** Human-readable name for reports. */
    public String label() {
        return label;
    }

    /** The key used in claims.json ({@code java}, {@code python}). */
    public String jsonKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
