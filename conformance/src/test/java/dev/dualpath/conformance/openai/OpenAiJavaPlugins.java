package dev.dualpath.conformance.openai;

import dev.dualpath.conformance.runner.ConformancePlugin;

/** Access to the openai-java plug-in from other test packages. */
public final class OpenAiJavaPlugins {

    private OpenAiJavaPlugins() {}

    /** The openai-java plug-in: {@code okhttp/blocking} and {@code okhttp/async}. */
    public static ConformancePlugin plugin() {
        return new OpenAiJavaPlugin();
    }
}
