package cn.landbalance.api.error;

import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import io.micronaut.serde.exceptions.SerdeException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recovers the name of the offending JSON field from validation paths and decoder messages. */
final class JsonFieldNames {
    /** serde: "Error decoding property [Role role] of type [class …]" or "… property [role] …". */
    private static final Pattern SERDE_PROPERTY = Pattern.compile("property \\[(?:[\\w.<>, ]+ )?(\\w+)\\]");
    /** jackson-style: "… (through reference chain: X[\"role\"])" */
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\[\"(\\w+)\"\\]\\)?$");

    private static final Pattern PATH_SEGMENT = Pattern.compile("\\[\"([^\"]+)\"\\]|\\[(\\d+)\\]");

    private JsonFieldNames() {
    }

    /** "create.request.username" → "username"; "save.body.declarationWindows[0].from" → "declarationWindows[0].from". */
    static String fromPropertyPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    /** The JSON path serde reports ("$.declarationWindows[0].from" → "declarationWindows[0].from"), or the property. */
    static String fromSerdeException(Throwable t) {
        if (t instanceof SerdeException e) {
            String path = e.getPathAsString();
            String json = path == null ? null : toJsonPath(path);
            if (json != null) {
                return json;
            }
        }
        if (t instanceof InvalidPropertyFormatException e && e.getArgument() != null) {
            String name = e.getArgument().getName();
            return name == null || name.isBlank() || name.equals(e.getArgument().getType().getSimpleName()) ? null : name;
        }
        return null;
    }

    /** {@code Body["declarationWindows"]->Window[0]["from"]} (serde's reference path) → {@code declarationWindows[0].from}. */
    static String toJsonPath(String referencePath) {
        Matcher m = PATH_SEGMENT.matcher(referencePath);
        StringBuilder json = new StringBuilder();
        while (m.find()) {
            if (m.group(1) != null) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(m.group(1));
            } else {
                json.append('[').append(m.group(2)).append(']');
            }
        }
        return json.isEmpty() ? null : json.toString();
    }

    static String fromMessage(String message) {
        Matcher m = SERDE_PROPERTY.matcher(message);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        if (found != null) {
            return found;
        }
        Matcher chain = REFERENCE_CHAIN.matcher(message.strip());
        return chain.find() ? chain.group(1) : null;
    }
}
