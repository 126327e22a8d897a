/**
 * The fake provider the conformance suite and the benchmarks share: {@code FakeProvider} (WireMock
 * on 127.0.0.1 with a dynamic port, HTTP/1.1 only, gzip off, with test or benchmark settings, see
 * docs/calibration.md#wiremock-concurrency-and-the-request-journal) and {@code RawSocketServer} for
 * the faults WireMock cannot play (a stall mid-body, a short body, a closed keep-alive connection).
 * A {@code ServerScript} of {@code AttemptScript}s says what each attempt gets; {@code Fault},
 * {@code Latency} and {@code Dribble} apply themselves to a stub, so a new kind is a compile error
 * until it is handled.
 *
 * <p>May depend on WireMock, Jetty and Jackson. It needs nothing of the adapter (it speaks the wire
 * format of docs/provider.md, not the adapter's types), and nothing of the benchmarks
 * (ArchitectureTest).
 */
package dev.dualpath.conformance.fake;
