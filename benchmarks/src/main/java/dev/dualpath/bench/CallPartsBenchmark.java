package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.core.RequestEncoder;
import dev.dualpath.adapter.core.ResponseProcessor;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Question:</b> where do the bytes an in-memory {@code DIRECT} call allocates go? Each {@link
 * CallPart} alone, on the same request and ~1 KB body as {@link InMemoryOverheadBenchmark}; run
 * with {@code -prof gc} and read {@code gc.alloc.rate.norm} (bytes per op), which does not depend
 * on the machine's speed or noise the way time does. The parts nest as {@link CallPart} says, so
 * the call's bytes split into: the request id, the encoding (Jackson's writer objects, the body
 * bytes, the wire request), the processing (Jackson's reader objects, the token walk, the values
 * and the response records), and what the call itself keeps (the rest of {@code DIRECT_CALL}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CallPartsBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CallPartsBenchmark {

    private static final ApiKey KEY = new ApiKey("sk-bench-not-a-secret");

    /** The in-memory target and the helpers each part uses, built once per trial. */
    @State(Scope.Benchmark)
    public static class Parts {

        @Param({
            "DIRECT_CALL",
            "RAW_CALL",
            "REQUEST_ID",
            "REQUEST_ENCODING",
            "JSON_GENERATOR",
            "JSON_PARSER",
            "JSON_TOKENS",
            "RESPONSE_PROCESSING"
        })
        public CallPart part;

        Target target;
        RequestEncoder encoder;
        ResponseProcessor processor;
        WireResponse response;
        byte[] body;
        final String requestId = "0f0e0d0c-0b0a-4000-8000-000000000000";

        @Setup(Level.Trial)
        public void setUp() {
            target = Target.inMemory(ContinuationExecutor.OWNED_POOL, Duration.ZERO);
            encoder = new RequestEncoder(URI.create("http://127.0.0.1:1"), KEY);
            processor = new ResponseProcessor(KEY);
            response = Target.cannedResponse(Target.SMALLEST_BODY_BYTES);
            body = response.body();
            target.check(BenchPath.DIRECT);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            target.close();
        }
    }

    /**
     * One part, once; returned so JMH consumes it.
     *
     * @throws IOException never on the canned bodies
     */
    @Benchmark
    public Object part(Parts p) throws IOException {
        return p.part.run(p);
    }
}
