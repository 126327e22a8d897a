package dev.dualpath.bench.stub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which CPUs the out-of-process stub and the benchmark forks get, so that neither steals the
 * other's: the allowed CPUs split in two (the stub the first half, rounded down but at least one;
 * the forks the rest), applied with {@code taskset -c} when each process starts. On a machine
 * without {@code taskset}, or with a single allowed CPU, nothing is pinned and {@link
 * #description()} says why.
 *
 * @param stubCpus CPUs for the stub, e.g. {@code "0"}; empty when not pinned
 * @param forkCpus CPUs for the forks, e.g. {@code "1"}; empty when not pinned
 * @param description what was decided and why, for {@code env.json} and reports
 */
public record CpuPinning(String stubCpus, String forkCpus, String description) {

    private static final String TASKSET = "taskset";

    /**
     * @throws NullPointerException if any is null
     */
    public CpuPinning {
        Objects.requireNonNull(stubCpus, "stubCpus");
        Objects.requireNonNull(forkCpus, "forkCpus");
        Objects.requireNonNull(description, "description");
    }

    /** No pinning, for {@code reason}. */
    public static CpuPinning none(String reason) {
        return new CpuPinning("", "", "none: " + reason);
    }

    /** What this machine allows: read from {@code /proc/self/status} and {@code PATH}. */
    public static CpuPinning detect() {
        if (!onPath(TASKSET)) {
            return none("taskset not found on PATH");
        }
        List<Integer> allowed;
        try {
            allowed = allowedCpus(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException | RuntimeException e) {
            return none("cannot read the allowed CPUs from /proc/self/status (" + e + ")");
        }
        return split(allowed);
    }

    /** The split of {@code allowed} CPU ids, as {@link #detect()} makes it. */
    static CpuPinning split(List<Integer> allowed) {
        if (allowed.size() < 2) {
            return none(allowed.size() + " CPU allowed: the stub and the forks share it");
        }
        int stubCount = Math.max(1, allowed.size() / 2);
        String stub = list(allowed.subList(0, stubCount));
        String forks = list(allowed.subList(stubCount, allowed.size()));
        return new CpuPinning(
                stub, forks, "taskset: stub on CPU " + stub + ", benchmark forks on CPU " + forks);
    }

    /**
     * The first of the forks' CPUs, for a fork that runs on one CPU ({@link OneCpuForks}); empty
     * when not pinned.
     */
    public String oneForkCpu() {
        return active() ? Integer.toString(ids(forkCpus).get(0)) : "";
    }

    /** Every CPU the split covers, stub's and forks', e.g. {@code 0,1}; empty when not pinned. */
    public String allCpus() {
        return active() ? stubCpus + "," + forkCpus : "";
    }

    /**
     * Lets the JIT compiler threads of this JVM run on {@code cpus}, whatever the process is pinned
     * to: a fork pinned to one CPU would otherwise compile on the CPU it measures on, and its
     * warm-up took about twice as long. Compiler threads started later are started by these, and
     * inherit it.
     *
     * @return how many compiler threads were found and freed
     * @throws IllegalStateException if {@code taskset} fails on one
     */
    public static int freeCompilerThreads(String cpus) {
        int freed = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    taskset(List.of(TASKSET, "-p", "-c", cpus, task.getFileName().toString()));
                    freed++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list this JVM's threads", e);
        }
        return freed;
    }

    private static void taskset(List<String> command) {
        try {
            Process p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    /** Whether anything is pinned. */
    public boolean active() {
        return !stubCpus.isEmpty();
    }

    /** Words that pin a command to the stub's CPUs: {@code [taskset, -c, CPUS]}, or none. */
    public List<String> stubPrefix() {
        return prefix(stubCpus);
    }

    /** Words that pin a command to the forks' CPUs, or none. */
    public List<String> forkPrefix() {
        return prefix(forkCpus);
    }

    /** {@code [taskset, -c, cpus]}, or empty for no CPUs. */
    static List<String> prefix(String cpus) {
        return cpus.isEmpty() ? List.of() : List.of(TASKSET, "-c", cpus);
    }

    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern DASH = Pattern.compile("-");

    /** The ids of a CPU list such as {@code 0-3,6}, in order. */
    static List<Integer> ids(String list) {
        List<Integer> ids = new ArrayList<>();
        for (String part : COMMA.splitAsStream(list.strip()).toList()) {
            List<String> range = DASH.splitAsStream(part.strip()).toList();
            int from = Integer.parseInt(range.get(0).strip());
            int to = range.size() > 1 ? Integer.parseInt(range.get(1).strip()) : from;
            for (int id = from; id <= to; id++) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** The ids in a {@code Cpus_allowed_list:} line ({@code 0-3,6}), in order. */
    static List<Integer> allowedCpus(List<String> procStatus) {
        for (String line : procStatus) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return ids(line.substring(line.indexOf(':') + 1));
            }
        }
        throw new IllegalStateException("no Cpus_allowed_list line");
    }

    private static String list(List<Integer> ids) {
        StringBuilder s = new StringBuilder();
        for (int id : ids) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(id);
        }
        return s.toString();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir :
                Pattern.compile(Pattern.quote(java.io.File.pathSeparator))
                        .splitAsStream(path)
                        .toList()) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
