package dev.dualpath.bench.openloop;

/**
 * The JVM that measured a strategy, as it saw itself (a fork may run another JVM, or fewer CPUs,
 * than the command that launched it).
 *
 * @param name {@code java.vm.name} and vendor
 * @param version {@code java.version}
 * @param cpus processors visible to it
 * @param os OS name, version and architecture
 */
public record JvmInfo(String name, String version, int cpus, String os) {

    /** This JVM. */
    public static JvmInfo current() {
        return new JvmInfo(
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"));
    }
}
