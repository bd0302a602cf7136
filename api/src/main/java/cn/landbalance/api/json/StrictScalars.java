package cn.landbalance.api.json;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Request bodies are read strictly: an area or an amount must be a JSON whole number inside 64 bits
 * (5000000.5, "5000000", true or 1e400 are refused, never truncated or coerced), a text field must be a JSON
 * string (not an array, object, number or boolean) without control characters or broken surrogates, and a flag must be true or false (not "yes" or 1).
 */
@Factory
public class StrictScalars {

    /** Reads one JSON value as T, or refuses it. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Decoder decoder) throws IOException;
    }

    @Singleton
    @Order(-1000)
    Deserializer<Long> strictLong() {
        return strict(decoder -> wholeNumber(decoder, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Singleton
    @Order(-1000)
    Deserializer<Integer> strictInteger() {
        return strict(decoder -> (int) wholeNumber(decoder, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Singleton
    @Order(-1000)
    Deserializer<String> strictString() {
        return strict(decoder -> {
            Object value = decoder.decodeArbitrary();
            if (value instanceof String s) {
                if (!isCleanText(s)) {
                    throw decoder.createDeserializationException(
                            "text must not contain control characters (U+0000-U+001F except tab and line breaks) or broken surrogate pairs", value);
                }
                return s;
            }
            throw decoder.createDeserializationException("expected a JSON string", value);
        });
    }

    @Singleton
    @Order(-1000)
    Deserializer<Boolean> strictBoolean() {
        return strict(decoder -> {
            Object value = decoder.decodeArbitrary();
            if (value instanceof Boolean b) {
                return b;
            }
            throw decoder.createDeserializationException("expected true or false", value);
        });
    }

    /** No NUL or other C0 control character but tab, CR and LF; no lone UTF-16 surrogate (not storable as UTF-8). */
    static boolean isCleanText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static <T> Deserializer<T> strict(Reader<T> reader) {
        return new Deserializer<>() {
            @Override
            public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
                return reader.read(decoder);
            }

            @Override
            public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
                return decoder.decodeNull() ? null : reader.read(decoder);
            }
        };
    }

    static long wholeNumber(Decoder decoder, long min, long max) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (v >= min && v <= max) {
                return v;
            }
        }
        if (value instanceof BigInteger || value instanceof Number) {
            throw decoder.createDeserializationException("expected a whole number between " + min + " and " + max, value);
        }
        throw decoder.createDeserializationException("expected a JSON number", value);
    }
}
