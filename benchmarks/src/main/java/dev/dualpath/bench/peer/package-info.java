/**
 * The peers: {@code PeerBenchmark} puts the official openai-java client (blocking, and async with
 * {@code join()}) beside dualpath's {@code DIRECT} and the raw transport, on the same stub and
 * request, so a reader can see what a user would pick instead
 * (docs/calibration.md#the-official-client-as-a-peer). {@code Peer} is its {@code @Param}; {@code
 * PeerClient} wraps each client behind one call.
 *
 * <p>May depend on {@code dev.dualpath.bench}, the adapter, {@code conformance.fake}, openai-java
 * and JMH. Nothing of the benchmarks package depends on it, so the openai-java dependency stays
 * here.
 */
package dev.dualpath.bench.peer;
