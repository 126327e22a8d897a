package dev.dualpath.bench.verdict.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark paths a run did not measure because its conformance step refused them (a path that
 * departs from the catalogue has no figure worth reporting), each with the conformance cells that
 * refused it. Written by the main job as {@value RunFolder#REFUSED_JSON}; a claim that needs a
 * refused path is INCONCLUSIVE with this reason instead of an input error about a missing series.
 *
 * <pre>{@code
 * { "refused": { "SHARED_LOOP": "jdk/invoke: stream-cancel-mid-stream (left behind after close)" } }
 * }</pre>
 *
 * @param reasons benchmark path name (a {@code path} or {@code mode} param value) to why it was
 *     refused; empty when nothing was
 */
public record RefusedPaths(Map<String, String> reasons) {

    /** Nothing refused (also what a run without the file means). */
    public static final RefusedPaths NONE = new RefusedPaths(Map.of());

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the map, keeping its order. */
    public RefusedPaths {
        reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /**
     * Reads {@code file}; a missing file is {@link #NONE}.
     *
     * @throws InputException naming the file and the field, if it is not an object with a {@code
     *     refused} object of non-blank strings
     */
    public static RefusedPaths read(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode root = JsonFiles.read(file);
        JsonNode refused = root.get("refused");
        if (refused == null || !refused.isObject()) {
            throw new InputException(file, "refused", "expected an object of path -> reason");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : refused.properties()) {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new InputException(
                        file, "refused." + e.getKey(), "expected a non-blank reason");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return new RefusedPaths(out);
    }

    /**
     * Writes this as {@code file}.
     *
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode refused = root.putObject("refused");
        reasons.forEach(refused::put);
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /** Why {@code path} was refused, if it was. */
    public Optional<String> reason(String path) {
        return Optional.ofNullable(reasons.get(path));
    }
}
