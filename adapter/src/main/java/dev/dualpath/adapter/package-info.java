/**
 * The adapter's entry points: {@code CerebrasAdapter}, whose {@code invokeSync()} and {@code
 * invoke()} drive one shared {@code Call} state machine (encode, send, map the error or process the
 * response, decide a retry) and differ only in how they wait; the {@code ChatAdapter} and {@code
 * SyncChatAdapter} interfaces; {@code AdapterConfig}; and {@code ContinuationExecutor}, which
 * chooses where the async path's continuations run: on an adapter-owned pool by default, or on
 * {@code CompletableFuture}'s default executor, which on two CPUs starts a thread per task
 * (docs/calibration.md#the-common-pool-on-two-cpus), or, without any hand-off, on the transport's
 * own thread.
 *
 * <p>May depend on the adapter's {@code core}, {@code error}, {@code model}, {@code secret}, {@code
 * transport} and {@code wire} packages, never on {@code compat}, which builds on this one (the
 * no-cycle rule). Like every adapter package it imports nothing of the test kit, the conformance
 * suite, the benchmarks, WireMock, JMH or JUnit: the adapter is the product the others use.
 * ArchitectureTest enforces both rules.
 */
package dev.dualpath.adapter;
