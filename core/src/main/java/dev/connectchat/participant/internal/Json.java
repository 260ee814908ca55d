package dev.connectchat.participant.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one {@link ObjectMapper} of the library, shared by every client: set up once, thread-safe, and
 * tolerant of members the service adds later.
 */
public final class Json {
    /** The mapper; never handed out, so nothing outside this class can reconfigure it. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a body is one value: `{...} garbage` is not a response
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .addModule(new SimpleModule("connectchat-time")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();

    /**
     * Reads JSON trees. Readers are made up front: Jackson builds a deserializer on first use under a lock,
     * and two event loops reading the same type for the first time would wait on each other.
     */
    public static final ObjectReader TREE = MAPPER.readerFor(JsonNode.class);

    /** Writes models and trees in the service's form. */
    public static final ObjectWriter WRITER = MAPPER.writer();

    private Json() {
    }

    /**
     * @param type a type to write
     * @return a writer for it
     */
    public static ObjectWriter writer(Class<?> type) {
        return MAPPER.writerFor(type);
    }

    /**
     * @param type a type to read
     * @return a reader whose deserializer is built now, not on an event loop at first use
     */
    public static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(Timestamps.format(value));
        }
    }

    /**
     * Reads the timestamp at the parser's current token: a string in a form {@link Timestamps#parse} takes, or epoch seconds
     * as a number; {@code null} for null or an empty string. An object or array is consumed whole (or the members
     * inside it would be read as the enclosing object's own) and refused.
     *
     * @throws DateTimeParseException for a string in no timestamp form, left to the caller to report
     */
    static Instant readTimestamp(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            p.skipChildren();
            throw MismatchedInputException.from(p, Instant.class, "a timestamp must be a string or a number");
        }
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return Timestamps.ofEpochSeconds(p.getDoubleValue());
        }
        return Timestamps.parseUnlessEmpty(p.getValueAsString());
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return readTimestamp(p);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getValueAsString(),
                        "not an ISO-8601 timestamp");
            }
        }
    }
}
