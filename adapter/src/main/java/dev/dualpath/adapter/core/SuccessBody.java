package dev.dualpath.adapter.core;

import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.Usage;
import java.util.List;

/** What a success body says, read by either {@link SuccessBodyStream} or the tree reader. */
record SuccessBody(
        String id,
        String model,
        long created,
        String systemFingerprint,
        String serviceTier,
        List<Choice> choices,
        Usage usage,
        TimeInfo time) {}
