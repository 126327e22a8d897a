package dev.dualpath.bench.verdict.claims;

/** Which implementation a claim is checked on. */
public enum Side {
    /** The original Python asyncio pattern, replayed by asyncio_replay.py on this machine. */
    PYTHON("Python original"),
    /** The Java port, measured by JMH. */
    JAVA("Java port");

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
