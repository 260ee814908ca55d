package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The emulator's own JSON, set up here and not borrowed from the client it judges: the service's member
 * names (from the model types' annotations) and the service's timestamp form, {@code 2019-11-08T02:41:28.172Z}.
 */
final class EmulatorJson {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("emulator-time")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(timestamp(value));
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            return p.currentToken().isNumeric()
                                    ? Instant.ofEpochMilli(Math.round(p.getDoubleValue() * 1000))
                                    : Instant.parse(p.getValueAsString());
                        }
                    }))
            .build();
    private static final ObjectReader TREE = MAPPER.readerFor(JsonNode.class);

    private EmulatorJson() {
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @throws IOException when the text is not one JSON value */
    static JsonNode tree(byte[] json) throws IOException {
        return TREE.readTree(json);
    }

    /** @throws IOException when the text is not one JSON value */
    static JsonNode tree(String json) throws IOException {
        return TREE.readTree(json);
    }

    static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
