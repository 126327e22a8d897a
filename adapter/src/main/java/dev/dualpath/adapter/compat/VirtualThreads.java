package dev.dualpath.adapter.compat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/** Access to {@code Executors.newVirtualThreadPerTaskExecutor()} from code compiled for JDK 17. */
final class VirtualThreads {

    private static final @Nullable MethodHandle FACTORY = lookup();

    private VirtualThreads() {}

    private static @Nullable MethodHandle lookup() {
        try {
            return MethodHandles.publicLookup()
                    .findStatic(
                            Executors.class,
                            "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // before JDK 21
        }
    }

    static boolean available() {
        return FACTORY != null;
    }

    /**
     * @throws UnsupportedOperationException before JDK 21
     */
    static ExecutorService newPerTaskExecutor() {
        if (FACTORY == null) {
            throw new UnsupportedOperationException(
                    "virtual threads need JDK 21 or later; this JVM is " + Runtime.version());
        }
        try {
            return (ExecutorService) FACTORY.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("newVirtualThreadPerTaskExecutor failed", e);
        }
    }
}
