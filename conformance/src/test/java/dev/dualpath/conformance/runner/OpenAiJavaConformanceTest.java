package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.openai.OpenAiJavaPlugins;
import java.util.function.Predicate;

/**
 * The TCK is pluggable: the whole catalogue on a second, independent client, the official
 * openai-java (blocking and async, OkHttp) against the same fake provider. Where it departs from
 * dualpath's expected outcomes is a finding, listed with reasons in {@code
 * divergences/openai-java.json}; the report ({@code target/conformance/openai-java/}) shows them,
 * and stale entries.
 */
class OpenAiJavaConformanceTest extends ConformanceSuite {

    @Override
    protected ConformancePlugin plugin() {
        return OpenAiJavaPlugins.plugin();
    }

    @Override
    protected ExpectedDivergences divergences() {
        return ExpectedDivergences.load(
                getClass().getClassLoader(), "divergences/openai-java.json");
    }

    /**
     * OkHttp keeps JVM-wide daemon threads that outlive any client: its shared task runner (idle
     * threads end after 60 s) and Okio's timeout watchdog. They are the library's, not a leak of
     * the client under test.
     */
    @Override
    protected Predicate<Thread> threadsThatMayRemain() {
        return LiveThreads.NOT_THE_CLIENTS.or(
                t ->
                        t.getName().startsWith("OkHttp TaskRunner")
                                || t.getName().equals("Okio Watchdog"));
    }
}
