/**
 * The OpenAI-style compatibility layer ({@code DualpathClient}: {@code
 * client.chat().completions().create(...)} and its async twin) and the named ways of making a sync
 * call that the benchmarks compare, {@code SyncStrategy}: {@code DIRECT}, {@code LOOP_PER_CALL}
 * ({@code PerCallLoop}), {@code SHARED_LOOP}, {@code SEED_LITERAL} (the original write-up's code as
 * written, docs/origin.md); {@code PerCallLoop} can also run on a virtual thread per call when the
 * JVM has them (JDK 21+). Every strategy throws what {@code DIRECT} throws and leaves no thread
 * behind.
 *
 * <p>May depend on the adapter's root package, {@code core}, {@code error} and {@code model}.
 * Nothing in {@code core} may depend on it, and it imports no test, conformance or benchmark code
 * (ArchitectureTest).
 */
package dev.dualpath.adapter.compat;
