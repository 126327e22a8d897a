package dev.dualpath.bench.stub;

import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.RemoteFakeProvider;
import dev.dualpath.conformance.fake.StubProcess;
import dev.dualpath.conformance.fake.SuccessStub;
import java.net.URI;
import java.util.List;

/**
 * Where a benchmark's fake provider runs, as a {@code @Param}: next to the client or away from it.
 */
public enum StubMode {

    /**
     * WireMock in the benchmark's JVM: its threads, allocations (~60 KB per request), GC pauses and
     * JIT share the client's process and CPUs. Kept to show what the separation changes.
     */
    IN_PROCESS {
        @Override
        public SuccessStub open() {
            return FakeProvider.start(FakeProvider.Options.benchmark());
        }
    },

    /**
     * WireMock in a JVM of its own: the one {@code dualpath run} started (named by the system
     * property {@value #URL_PROPERTY}), else one this JVM starts for the trial and stops after. The
     * benchmark's JVM then holds the client alone: its bytes per op, GC and JIT are the client's.
     */
    OUT_OF_PROCESS {
        @Override
        public SuccessStub open() {
            String url = System.getProperty(URL_PROPERTY);
            if (url != null && !url.isBlank()) {
                return RemoteFakeProvider.connect(URI.create(url.strip()));
            }
            return RemoteFakeProvider.owning(
                    StubProcess.start(
                            StubProcess.Launch.ofThisJvm(
                                    List.of(), FakeProvider.Options.benchmark(), null)));
        }
    };

    /** The system property naming a running stub's base URL, e.g. {@code http://127.0.0.1:PORT}. */
    public static final String URL_PROPERTY = "dualpath.stub.url";

    /** The {@code @Param} name the benchmarks give this dimension. */
    public static final String PARAM = "stubMode";

    /**
     * A stub of this kind, ready to be stubbed; the caller closes it.
     *
     * @throws IllegalStateException if a stub in another process cannot be started or reached
     */
    public abstract SuccessStub open();
}
