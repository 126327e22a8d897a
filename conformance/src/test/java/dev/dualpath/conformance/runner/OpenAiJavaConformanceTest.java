package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.openai.OpenAiJavaPlugins;

/**
 * The TCK is pluggable: the whole catalogue on a second, independent client, the official
 * openai-java (blocking and async, OkHttp) against the same fake provider. Where it departs from
 * dualpath's expected outcomes is a finding, declared cell by cell (scenario × path) with what is
 * observed and why in {@code divergences/openai-java.json}; the report ({@code
 * target/conformance/openai-java/}) shows each excused cell, and an entry that stops departing
 * fails as stale.
 */
class OpenAiJavaConformanceTest extends ConformanceSuite {

    /** The divergence file of the openai-java plug-in. */
    static final String DIVERGENCES = "divergences/openai-java.json";

    @Override
    protected ConformancePlugin plugin() {
        return OpenAiJavaPlugins.plugin();
    }

    @Override
    protected ExpectedDivergences divergences() {
        return ExpectedDivergences.load(getClass().getClassLoader(), DIVERGENCES);
    }
}
