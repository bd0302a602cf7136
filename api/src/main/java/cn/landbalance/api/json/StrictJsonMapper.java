package cn.landbalance.api.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonFeatures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.DeserializationConfiguration;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.jackson.JacksonJsonMapper;
import io.micronaut.serde.jackson.JacksonObjectMapper;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The JSON mapper that reads request bodies: Micronaut's own, after a strict look at the text. A body must be exactly
 * one JSON value: an object that names a key twice ({@code {"areaM2":5,"areaM2":-5}}), or anything after the value
 * ({@code {...}garbage}, a second object), is refused as malformed JSON instead of being read as its first part.
 * Writing is unchanged.
 */
@Primary
@Singleton
@Replaces(JacksonJsonMapper.class)
public class StrictJsonMapper implements JacksonObjectMapper {
    private static final JsonFactory CHECKER = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JacksonObjectMapper delegate;

    @Inject
    public StrictJsonMapper(SerdeRegistry registry, SerdeConfiguration serde, SerdeJacksonConfiguration jackson) {
        this(new JacksonJsonMapper(registry, serde, jackson));
    }

    private StrictJsonMapper(JacksonObjectMapper delegate) {
        this.delegate = delegate;
    }

    private static JsonMapper strict(JsonMapper mapper) {
        return mapper instanceof JacksonObjectMapper jackson ? new StrictJsonMapper(jackson) : mapper;
    }

    @Override
    public JacksonObjectMapper cloneWithConfiguration(SerdeJacksonConfiguration configuration) {
        return new StrictJsonMapper(delegate.cloneWithConfiguration(configuration));
    }

    @Override
    public ObjectMapper cloneWithConfiguration(SerdeConfiguration configuration, SerializationConfiguration serialization,
                                               DeserializationConfiguration deserialization) {
        ObjectMapper clone = delegate.cloneWithConfiguration(configuration, serialization, deserialization);
        return clone instanceof JacksonObjectMapper jackson ? new StrictJsonMapper(jackson) : clone;
    }

    @Override
    public SerdeRegistry getSerdeRegistry() {
        return delegate.getSerdeRegistry();
    }

    @Override
    public String writeValueAsString(Object object) throws IOException {
        return delegate.writeValueAsString(object);
    }

    /**
     * A body that is valid JSON text but not exactly one value with distinct keys; names the key when there is one, and
     * says what is wrong in Chinese and in English.
     */
    public static final class NotOneValue extends JsonParseException {
        private final transient String field;
        private final String detailZh;
        private final String detailEn;

        NotOneValue(JsonParser parser, String field, String detailZh, String detailEn) {
            super(parser, detailEn);
            this.field = field;
            this.detailZh = detailZh;
            this.detailEn = detailEn;
        }

        public String field() {
            return field;
        }

        public String detailZh() {
            return detailZh;
        }

        public String detailEn() {
            return detailEn;
        }
    }

    /** Refuses a text that is not exactly one JSON value with no key named twice in any object. */
    static void requireSingleValue(byte[] json) throws IOException {
        try (JsonParser parser = CHECKER.createParser(json)) {
            walk(parser);
        }
    }

    private static void walk(JsonParser parser) throws IOException {
        try {
            walkValue(parser);
        } catch (NotOneValue e) {
            throw e;
        } catch (JsonParseException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                String field = parser.currentName();
                throw new NotOneValue(parser, field, "键“" + field + "”在同一对象中出现了两次",
                        "the key '" + field + "' appears twice in one object");
            }
            throw e;
        }
    }

    private static void walkValue(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return; // an empty body: the binding says what is missing
        }
        int depth = first.isStructStart() ? 1 : 0;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return; // truncated: the mapper's own error names it
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
        }
        if (parser.nextToken() != null) {
            throw new NotOneValue(parser, null, "JSON 值之后还有多余的内容", "unexpected content after the JSON value");
        }
    }

    @Override
    public <T> T readValue(byte[] byteArray, Argument<T> type) throws IOException {
        requireSingleValue(byteArray);
        return delegate.readValue(byteArray, type);
    }

    @Override
    public <T> T readValue(InputStream inputStream, Argument<T> type) throws IOException {
        return readValue(inputStream.readAllBytes(), type);
    }

    @Override
    public <T> T readValue(ByteBuffer<?> byteBuffer, Argument<T> type) throws IOException {
        return readValue(byteBuffer.toByteArray(), type);
    }

    @Override
    public <T> T readValue(String string, Argument<T> type) throws IOException {
        return readValue(string.getBytes(StandardCharsets.UTF_8), type);
    }

    @Override
    public JsonMapper createSpecific(Argument<?> type) {
        return strict(delegate.createSpecific(type));
    }

    @Override
    public JsonMapper cloneWithFeatures(JsonFeatures features) {
        return strict(delegate.cloneWithFeatures(features));
    }

    @Override
    public JsonMapper cloneWithViewClass(Class<?> viewClass) {
        return strict(delegate.cloneWithViewClass(viewClass));
    }

    @Override
    public java.util.Optional<JsonFeatures> detectFeatures(io.micronaut.core.annotation.AnnotationMetadata annotations) {
        return delegate.detectFeatures(annotations);
    }

    @Override
    public <T> T readValueFromTree(JsonNode tree, Argument<T> type) throws IOException {
        return delegate.readValueFromTree(tree, type);
    }

    @Override
    public void updateValueFromTree(Object value, JsonNode tree) throws IOException {
        delegate.updateValueFromTree(value, tree);
    }

    @Override
    public org.reactivestreams.Processor<byte[], JsonNode> createReactiveParser(
            java.util.function.Consumer<org.reactivestreams.Processor<byte[], JsonNode>> onSubscribe, boolean streamArray) {
        return delegate.createReactiveParser(onSubscribe, streamArray);
    }

    @Override
    public JsonNode writeValueToTree(Object value) throws IOException {
        return delegate.writeValueToTree(value);
    }

    @Override
    public <T> JsonNode writeValueToTree(Argument<T> type, T value) throws IOException {
        return delegate.writeValueToTree(type, value);
    }

    @Override
    public void writeValue(OutputStream outputStream, Object object) throws IOException {
        delegate.writeValue(outputStream, object);
    }

    @Override
    public <T> void writeValue(OutputStream outputStream, Argument<T> type, T object) throws IOException {
        delegate.writeValue(outputStream, type, object);
    }

    @Override
    public byte[] writeValueAsBytes(Object object) throws IOException {
        return delegate.writeValueAsBytes(object);
    }

    @Override
    public <T> byte[] writeValueAsBytes(Argument<T> type, T object) throws IOException {
        return delegate.writeValueAsBytes(type, object);
    }

    @Override
    public JsonStreamConfig getStreamConfig() {
        return delegate.getStreamConfig();
    }
}
