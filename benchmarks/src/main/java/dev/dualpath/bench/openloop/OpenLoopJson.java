package dev.dualpath.bench.openloop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** The JSON form of results: {@code openloop.json}, and what a fork hands back to its launcher. */
final class OpenLoopJson {

    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenLoopJson() {}

    /**
     * @throws IOException if the file cannot be written
     */
    static void writeResult(StrategyResult result, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), result);
    }

    /**
     * @throws IOException if the file cannot be read or is not a result
     */
    static StrategyResult readResult(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), StrategyResult.class);
    }
}
