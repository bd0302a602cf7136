package cn.landbalance.api.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * A request body for tests, written as Java values instead of escaped JSON text and serialised by Jackson:
 * {@code Json.object("townshipId", id, "category", "AGRI_FACILITY", "paddy", false)}. Values may be strings, numbers,
 * booleans, {@code null}, other {@code Json} values ({@link #array}, nested {@link #object}), maps, lists, records, and
 * dates or instants (written as their ISO text). A {@code Json} is immutable: {@link #with} and {@link #without} return
 * a changed copy, so a rule table can vary one field of a base body. It is a {@link CharSequence} of its JSON text,
 * which is what {@link ApiClient#post} and {@link ApiClient#put} take.
 */
public final class Json implements CharSequence {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;
    private final String text;

    private Json(JsonNode node) {
        this.node = node;
        try {
            this.text = MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An object of alternating field names and values, in that order. */
    public static Json object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs: " + namesAndValues.length + " given");
        }
        ObjectNode object = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("field name expected at " + i + ": " + namesAndValues[i]);
            }
            object.set(name, toNode(namesAndValues[i + 1]));
        }
        return new Json(object);
    }

    /** An array of the values, in order. */
    public static Json array(Object... values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Object value : values) {
            array.add(toNode(value));
        }
        return new Json(array);
    }

    /**
     * A JSON text as it is, for a table of raw values (a wrong type, a number too large for any field, {@code null})
     * that a test sets into a well-formed body with {@link #with(String, Object)}.
     */
    public static Json parse(String text) {
        try {
            return new Json(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** Any value (a map, a list, a record, a {@link JsonNode}…) as JSON. */
    public static Json of(Object value) {
        return new Json(toNode(value));
    }

    /** This object with {@code name} set to {@code value}: added at the end, or replaced where it was. */
    public Json with(String name, Object value) {
        ObjectNode copy = objectCopy();
        copy.set(name, toNode(value));
        return new Json(copy);
    }

    /** This object with every field of {@code fields} (an object) set as {@link #with(String, Object)} sets one. */
    public Json with(Json fields) {
        ObjectNode copy = objectCopy();
        fields.objectCopy().fields().forEachRemaining(f -> copy.set(f.getKey(), f.getValue()));
        return new Json(copy);
    }

    /** This object without the field {@code name}. */
    public Json without(String name) {
        ObjectNode copy = objectCopy();
        copy.remove(name);
        return new Json(copy);
    }

    /** A copy of the tree, to read or to compare with a response's {@code json()}. */
    public JsonNode node() {
        return node.deepCopy();
    }

    private ObjectNode objectCopy() {
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException("not a JSON object: " + text);
        }
        return object.deepCopy();
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return MAPPER.getNodeFactory().nullNode();
        }
        if (value instanceof Json json) {
            return json.node.deepCopy();
        }
        if (value instanceof JsonNode node) { // before Iterable: a JsonNode iterates over its values
            return node.deepCopy();
        }
        if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return MAPPER.getNodeFactory().textNode(value.toString());
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            return MAPPER.valueToTree(value instanceof Map<?, ?> map ? mapOfNodes(map) : listOfNodes((Iterable<?>) value));
        }
        return MAPPER.valueToTree(value);
    }

    private static Map<String, JsonNode> mapOfNodes(Map<?, ?> map) {
        Map<String, JsonNode> nodes = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> nodes.put(String.valueOf(k), toNode(v)));
        return nodes;
    }

    private static java.util.List<JsonNode> listOfNodes(Iterable<?> values) {
        java.util.List<JsonNode> nodes = new java.util.ArrayList<>();
        values.forEach(v -> nodes.add(toNode(v)));
        return nodes;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    /** The compact JSON text. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Json json && node.equals(json.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }
}
