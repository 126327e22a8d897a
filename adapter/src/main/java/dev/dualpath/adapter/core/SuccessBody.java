package dev.dualpath.adapter.core;

import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a success body says, read by either {@link SuccessBodyStream} or the tree reader. */
record SuccessBody(
        @Nullable String id,
        @Nullable String model,
        long created,
        @Nullable String systemFingerprint,
        @Nullable String serviceTier,
        List<Choice> choices,
        @Nullable Usage usage,
        TimeInfo time) {}
