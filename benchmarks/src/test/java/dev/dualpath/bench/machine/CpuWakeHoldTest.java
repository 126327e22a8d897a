package dev.dualpath.bench.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hold against a plain file standing in for the QoS device: what it writes, when it lets go,
 * and how it declines. The real device needs root and changes the machine, so it is not touched.
 */
class CpuWakeHoldTest {

    @TempDir Path dir;

    @Test
    void aWritableDevice_getsA32BitZero_andIsHeldUntilClosed() throws IOException {
        Path device = Files.createFile(dir.resolve("cpu_dma_latency"));

        CpuWakeHold hold = CpuWakeHold.acquire(device);

        assertThat(hold.held()).isTrue();
        assertThat(hold.description()).startsWith("held: ").contains("0 µs");
        byte[] written = Files.readAllBytes(device);
        assertThat(written).hasSize(Integer.BYTES);
        assertThat(ByteBuffer.wrap(written).order(ByteOrder.nativeOrder()).getInt()).isZero();

        hold.close();
        assertThat(hold.held()).as("closing the file is what drops the request").isFalse();
        hold.close(); // idempotent
        assertThat(hold.held()).isFalse();
    }

    @Test
    void aMissingDevice_holdsNothing_andSaysWhy() {
        Path device = dir.resolve("absent");

        try (CpuWakeHold hold = CpuWakeHold.acquire(device)) {
            assertThat(hold.held()).isFalse();
            assertThat(hold.description()).startsWith("not held: ").contains("not present");
        }
        assertThat(device).doesNotExist();
    }

    @Test
    void aDeviceThatCannotBeOpenedForWriting_holdsNothing_andSaysWhy() throws IOException {
        Path device = Files.createFile(dir.resolve("read-only"));
        Files.setPosixFilePermissions(device, PosixFilePermissions.fromString("r--r--r--"));
        // A directory cannot be opened for writing by anyone, root included: the same refusal.
        Path unwritable = device.toFile().canWrite() ? dir : device;

        try (CpuWakeHold hold = CpuWakeHold.acquire(unwritable)) {
            assertThat(hold.held()).isFalse();
            assertThat(hold.description())
                    .startsWith("not held: cannot open " + unwritable + " for writing (")
                    .doesNotEndWith("(" + unwritable + ")");
        }
    }

    @Test
    void aDeclinedHold_recordsTheReasonGiven() {
        try (CpuWakeHold hold = CpuWakeHold.declined("--no-keep-cpus-awake")) {
            assertThat(hold.held()).isFalse();
            assertThat(hold.description()).isEqualTo("not held: --no-keep-cpus-awake");
            assertThat(hold).hasToString("CpuWakeHold[not held: --no-keep-cpus-awake]");
        }
    }
}
