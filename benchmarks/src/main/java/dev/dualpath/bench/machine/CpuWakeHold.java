package dev.dualpath.bench.machine;

import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to the Linux kernel that no CPU enter an idle state slower to leave than polling, held
 * while a run measures: the CPU latency QoS interface ({@code /dev/cpu_dma_latency}), to which a
 * process writes the longest wake-up latency it accepts, in microseconds, as a 32-bit integer. The
 * request stands while the file stays open and the kernel drops it when the file closes or the
 * process ends, so a crashed run cannot leave it behind. Tools made for latency measurement hold it
 * the same way (tuned's latency profiles, cyclictest).
 *
 * <p>Why a benchmark of an HTTP client wants it: a call that waits — on a socket, on the stub's
 * timer, on another thread — leaves its CPU idle, and on a virtual machine an idle vCPU halts, and
 * only the host can wake it. Every wait then ends with the host's wake-up, tens to hundreds of
 * microseconds that belong to neither the client nor the stub, and that vary with the host's load.
 * Held at 0, the guest's idle loop polls instead of halting (its CPU time still counts as idle in
 * {@code /proc/stat}; the host sees a busy vCPU). Forks that never wait (in memory, one thread) are
 * not changed by it. What it changed on the machine it was built on is in {@code
 * docs/calibration.md} ("Keeping the CPUs awake").
 *
 * <p>Opening the device needs write access to it (root, on most systems); where it is missing or
 * not writable, nothing is held and {@link #description()} says why. A run records the description
 * in {@code env.json}, where the verdict code reads whether it was held ({@link
 * RunEnvironment#cpusKeptAwake()}) and cautions a gate between runs that differ in it.
 */
public final class CpuWakeHold implements AutoCloseable {

    /** The kernel's CPU latency QoS device. */
    public static final Path DEVICE = Path.of("/dev/cpu_dma_latency");

    private final @Nullable FileChannel request;
    private final String description;

    private CpuWakeHold(@Nullable FileChannel request, String description) {
        this.request = request;
        this.description = description;
    }

    /**
     * Asks {@code device} for a wake-up latency of 0 µs and holds the request until {@link
     * #close()}.
     *
     * @param device the QoS device ({@link #DEVICE} on Linux; another path in tests)
     * @return a held request, or one that holds nothing and says why (the device is missing or
     *     cannot be opened for writing, or refused the value); never throws for those
     */
    public static CpuWakeHold acquire(Path device) {
        Objects.requireNonNull(device, "device");
        if (!Files.exists(device)) {
            return declined(device + " not present (not Linux, or a container without it)");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(device, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // An AccessDeniedException's message is the path alone: say what it means instead.
            String why =
                    e instanceof java.nio.file.AccessDeniedException
                            ? "permission denied: it takes root"
                            : e.toString();
            return declined("cannot open " + device + " for writing (" + why + ")");
        }
        try {
            ByteBuffer zero = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder());
            zero.putInt(0).flip();
            while (zero.hasRemaining()) {
                channel.write(zero);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            return declined(device + " refused a latency of 0 µs (" + e.getMessage() + ")");
        }
        return new CpuWakeHold(
                channel,
                RunEnvironment.HELD
                        + " "
                        + device
                        + " at 0 µs for the whole run, so idle CPUs polled instead of halting");
    }

    /**
     * A hold that holds nothing, for a run that was told not to hold one or could not.
     *
     * @param why the reason, recorded in {@code env.json}
     */
    public static CpuWakeHold declined(String why) {
        return new CpuWakeHold(
                null, RunEnvironment.NOT_HELD + " " + Objects.requireNonNull(why, "why"));
    }

    /** Whether the request is in force. */
    public boolean held() {
        FileChannel channel = request;
        return channel != null && channel.isOpen();
    }

    /** What was held and how, or why nothing was; one line. */
    public String description() {
        return description;
    }

    /** Drops the request (closes the device); idempotent. */
    @Override
    public void close() {
        FileChannel channel = request;
        if (channel != null) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // The kernel drops the request with the file whatever close reports.
        }
    }

    @Override
    public String toString() {
        return "CpuWakeHold[" + description + "]";
    }
}
