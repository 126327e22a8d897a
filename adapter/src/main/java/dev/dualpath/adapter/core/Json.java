package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one configured, thread-safe Jackson mapper the helpers share. */
public final class Json {

    /**
     * Lenient on unknown fields (providers add fields at every level), strict on syntax. Doubles
     * (the {@code time_info} seconds) are read with Jackson's bundled FastDoubleParser: the JDK's
     * {@code Double.parseDouble} needs a {@code String} and a digit buffer per number, about 130
     * bytes each, which was a fifth of what a call allocated; both give the correctly rounded
     * value.
     */
    public static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build();

    private Json() {}
}
