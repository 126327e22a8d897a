package dev.dualpath.bench.verdict;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON inputs of the verdict code (JMH results, claims, env.json, Python replays). */
public final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {}

    /**
     * Reads a JSON file into a tree.
     *
     * @return the file's JSON tree
     * @throws InputException naming the file, if it is missing, unreadable or not JSON
     */
    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InputException(file, "(file)", "file not found");
        } catch (JacksonException e) {
            throw new InputException(
                    file, "(file)", "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, "(file)", "cannot read: " + e.getMessage(), e);
        }
    }
}
