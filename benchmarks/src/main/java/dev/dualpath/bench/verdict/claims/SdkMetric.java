package dev.dualpath.bench.verdict.claims;

import java.util.Arrays;

/**
 * What a claim reads from one pattern of the real-SDK replay, one value per process (fork). Times
 * are medians of a process's successful calls, in milliseconds: calls over a real socket have
 * scheduling outliers that a mean of a few hundred calls would let one stall dominate.
 */
public enum SdkMetric {

    /** Median per-call time of the successful calls, ms. */
    MEDIAN_MS("median_ms", true) {
        @Override
        double of(SdkReplay.Fork f) {
            double[] s = f.samplesNs().clone();
            if (s.length == 0) {
                return Double.NaN;
            }
            Arrays.sort(s);
            double median =
                    s.length % 2 == 1
                            ? s[s.length / 2]
                            : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            return median / 1e6;
        }
    },

    /** Failed calls / calls, a fraction. */
    FAILURE_RATE("failure_rate", false) {
        @Override
        double of(SdkReplay.Fork f) {
            return f.calls() == 0 ? Double.NaN : (double) f.failures() / f.calls();
        }
    },

    /** Event loops created / calls. */
    LOOPS_PER_CALL("loops_per_call", false) {
        @Override
        double of(SdkReplay.Fork f) {
            return f.calls() == 0 ? Double.NaN : (double) f.loops() / f.calls();
        }
    },

    /** TCP connections the stub accepted / calls. */
    CONNECTIONS_PER_CALL("connections_per_call", false) {
        @Override
        double of(SdkReplay.Fork f) {
            return f.calls() == 0 ? Double.NaN : (double) f.connections() / f.calls();
        }
    };

    private final String jsonName;
    private final boolean time;

    SdkMetric(String jsonName, boolean time) {
        this.jsonName = jsonName;
        this.time = time;
    }

    /**
     * The value for one process; NaN when it has nothing to measure (no call, or none succeeded).
     */
    abstract double of(SdkReplay.Fork fork);

    /** The name in claims.json. */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Whether this is the time of the calls that succeeded: a claim about the time of a pattern
     * that failed calls cannot hold, whatever the time.
     */
    public boolean isTime() {
        return time;
    }

    /** The metric named {@code name} in claims.json, or null. */
    public static SdkMetric fromJson(String name) {
        for (SdkMetric m : values()) {
            if (m.jsonName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
