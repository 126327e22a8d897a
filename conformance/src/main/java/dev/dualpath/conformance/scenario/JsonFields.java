package dev.dualpath.conformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.conformance.fake.InvalidFieldException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A JSON object being read from a scenario file, knowing its file and path so that every problem is
 * reported as {@code file: field 'a.b[2].c' problem}. Unknown keys are errors: a typo must not
 * silently become an unchecked expectation.
 */
final class JsonFields {

    private final String file;
    private final String path;
    private final ObjectNode node;

    private JsonFields(String file, String path, ObjectNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static JsonFields root(String file, JsonNode node) {
        if (!(node instanceof ObjectNode o)) {
            throw new ScenarioFormatException(file, null, "must hold a JSON object", null);
        }
        return new JsonFields(file, "", o);
    }

    /** Fails on any key not in {@code allowed}, naming it and the allowed ones. */
    JsonFields allowOnly(String... allowed) {
        Set<String> known = Set.of(allowed);
        node.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!known.contains(name)) {
                                throw error(
                                        name,
                                        "is not a known field; expected one of "
                                                + new TreeSet<>(Arrays.asList(allowed)));
                            }
                        });
        return this;
    }

    boolean has(String key) {
        return node.has(key);
    }

    boolean isNull(String key) {
        return node.has(key) && node.get(key).isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String string(String key) {
        String value = optString(key);
        if (value == null) {
            throw error(key, "is required (a string)");
        }
        return value;
    }

    String optString(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(key, "must be a string, was " + v.getNodeType());
        }
        return v.asText();
    }

    Integer optInt(String key) {
        Long v = optLong(key);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw error(key, "is out of range: " + v);
        }
        return v == null ? null : v.intValue();
    }

    Long optLong(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(key, "must be an integer, was " + v.getNodeType() + " " + v);
        }
        return v.asLong();
    }

    Double optDouble(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw error(key, "must be a number, was " + v.getNodeType());
        }
        return v.asDouble();
    }

    Boolean optBoolean(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(key, "must be true or false, was " + v.getNodeType());
        }
        return v.asBoolean();
    }

    /** The nested object, or null when the key is absent or JSON null. */
    JsonFields optObject(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!(v instanceof ObjectNode o)) {
            throw error(key, "must be an object, was " + v.getNodeType());
        }
        return new JsonFields(file, path(key), o);
    }

    /** The elements of an array, or null when absent. */
    List<JsonNode> optArray(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw error(key, "must be an array, was " + v.getNodeType());
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    /** The objects of an array, each with its indexed path, or null when absent. */
    List<JsonFields> optObjects(String key) {
        List<JsonNode> items = optArray(key);
        if (items == null) {
            return null;
        }
        List<JsonFields> objects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path(key) + "[" + i + "]";
            if (!(items.get(i) instanceof ObjectNode o)) {
                throw new ScenarioFormatException(
                        file, at, "must be an object, was " + items.get(i).getNodeType(), null);
            }
            objects.add(new JsonFields(file, at, o));
        }
        return objects;
    }

    /** A string-to-string object, in order; empty when absent. */
    Map<String, String> stringMap(String key) {
        JsonFields o = optObject(key);
        Map<String, String> map = new LinkedHashMap<>();
        if (o != null) {
            o.node.fieldNames().forEachRemaining(name -> map.put(name, o.string(name)));
        }
        return map;
    }

    /** Builds a record, reporting its {@link InvalidFieldException} under this object's path. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidFieldException e) {
            throw new ScenarioFormatException(file, path(e.field()), e.problem(), e);
        }
    }

    ScenarioFormatException error(String key, String problem) {
        return new ScenarioFormatException(file, path(key), problem, null);
    }

    String file() {
        return file;
    }
}
