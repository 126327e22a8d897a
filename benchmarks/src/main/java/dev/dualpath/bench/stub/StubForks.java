package dev.dualpath.bench.stub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * A JMH hook (an external profiler that measures nothing) that sets up each fork whose {@code
 * stubMode} is {@link StubMode#OUT_OF_PROCESS}: it points the fork at the run's stub ({@code
 * -D}{@value StubMode#URL_PROPERTY}) and, when the run pins, starts the fork under {@code taskset
 * -c CPUS} so that it never runs on the stub's CPUs. Forks of other benchmarks and of {@code
 * IN_PROCESS} are left as they are. A profiler because JMH lets a profiler prefix the fork's
 * command, which its options cannot.
 *
 * <p>A pinned fork sees fewer CPUs, and on one CPU the JVM would choose the serial collector where
 * an unpinned fork gets G1; the fork is given {@code -XX:+UseG1GC} so that pinning changes the CPUs
 * and not the collector, unless the run's own JVM arguments choose one.
 *
 * <p>In the fork, before its first iteration, the JIT compiler threads are let out onto every CPU
 * of the split ({@link CpuPinning#freeCompilerThreads}): pinned with the benchmark, they compiled
 * on the CPU it measured on, the fork burned its one CPU for 15 s and more, and the async paths had
 * not settled after 11 s of warm-up. Compiling is warm-up work; {@code fork.jit.ms} shows whether
 * any went on while measured.
 *
 * <p>Init line: {@code url=http://127.0.0.1:PORT;cpus=1;jit=0,1} ({@code cpus} empty or absent: no
 * pinning; {@code jit} empty or absent: compiler threads stay with the fork). {@link #initLine}
 * writes it.
 */
public final class StubForks extends ForkCommandHook {

    private static final Pattern SEMICOLON = Pattern.compile(";");

    /** The collector a pinned fork keeps (see the class comment). */
    static final String G1 = "-XX:+UseG1GC";

    private final String url;
    private final String cpus;
    private final String jitCpus;

    /**
     * @param initLine see the class comment
     * @throws IllegalArgumentException if the line has no {@code url} or an unknown key
     */
    public StubForks(String initLine) {
        Map<String, String> settings = parse(initLine);
        this.url = settings.get("url");
        this.cpus = settings.getOrDefault("cpus", "");
        this.jitCpus = settings.getOrDefault("jit", "");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("StubForks needs url=..., got '" + initLine + "'");
        }
    }

    /**
     * The init line for a stub at {@code url}, forks pinned to {@code cpus} and their compiler
     * threads on {@code jitCpus} (either may be empty).
     */
    public static String initLine(String url, String cpus, String jitCpus) {
        return "url=" + url + ";cpus=" + cpus + ";jit=" + jitCpus;
    }

    private static Map<String, String> parse(String initLine) {
        Map<String, String> settings = new TreeMap<>();
        for (String part : SEMICOLON.splitAsStream(initLine == null ? "" : initLine).toList()) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            if (!key.equals("url") && !key.equals("cpus") && !key.equals("jit")) {
                throw new IllegalArgumentException(
                        "StubForks: unknown setting '" + key + "' in '" + initLine + "'");
            }
            settings.put(key, eq < 0 ? "" : part.substring(eq + 1).strip());
        }
        return settings;
    }

    private static boolean outOfProcess(BenchmarkParams params) {
        return params.getParamsKeys().contains(StubMode.PARAM)
                && StubMode.OUT_OF_PROCESS.name().equals(params.getParam(StubMode.PARAM));
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return outOfProcess(params) ? CpuPinning.prefix(cpus) : List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        if (!outOfProcess(params)) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        options.add("-D" + StubMode.URL_PROPERTY + "=" + url);
        if (!cpus.isEmpty() && !choosesCollector(params.getJvmArgs())) {
            options.add(G1);
        }
        return options;
    }

    /** In the fork: frees the compiler threads before the first iteration (class comment). */
    @Override
    public void beforeIteration(BenchmarkParams params, IterationParams iteration) {
        if (!cpus.isEmpty() && outOfProcess(params)) {
            freeCompilersOnce(jitCpus);
        }
    }

    static boolean choosesCollector(Collection<?> jvmArgs) {
        return jvmArgs.stream()
                .map(String::valueOf)
                .anyMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"));
    }

    @Override
    public String getDescription() {
        return "points out-of-process-stub forks at the run's stub and pins them off its CPUs";
    }
}
