package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape the newest service model uses in an input or an output, against our model types: each structure
 * is a record of the same name whose components are exactly the shape's members (the JSON name of body
 * members, a {@code @JsonIgnore} component for header and path members), each of the member's kind (string,
 * number, boolean, timestamp, list of the right entries, nested record, service enum); each enum knows every
 * value the model lists. A member the service adds to an answer fails here instead of being dropped in silence.
 */
class ModelShapesTest {
    /** Members the service sends that its model does not list, each documented on its record component. */
    private static final Map<String, Set<String>> BEYOND_THE_MODEL = Map.of(
            "MessageMetadata", Set.of("ChunkNumber", "MessageCompleted")); // streamed replies, over the socket
    private static final Set<String> TIMESTAMPS = Set.of("Instant", "ISO8601Datetime");
    static JsonNode shapes;
    static final Map<String, JsonNode> REACHABLE = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ModelShapesTest.class.getResourceAsStream(
                "/service-model/connectparticipant-2018-09-07-newest.json")) {
            JsonNode model = new ObjectMapper().readTree(in);
            shapes = model.get("shapes");
            for (JsonNode op : model.get("operations")) {
                reach(op.get("input").get("shape").asText());
                reach(op.get("output").get("shape").asText());
            }
        }
    }

    private static void reach(String name) {
        JsonNode shape = shapes.get(name);
        if (REACHABLE.containsKey(name)) {
            return;
        }
        String type = shape.get("type").asText();
        if (type.equals("structure") || shape.has("enum")) {
            REACHABLE.put(name, shape);
        }
        if (type.equals("structure")) {
            shape.get("members").forEach(m -> reach(m.get("shape").asText()));
        } else if (type.equals("list")) {
            reach(shape.get("member").get("shape").asText());
        }
    }

    @TestFactory
    List<DynamicTest> everyShapeHasItsType() {
        assertThat(REACHABLE).hasSizeGreaterThan(40);
        List<DynamicTest> tests = new ArrayList<>();
        REACHABLE.forEach((name, shape) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Class<?> type = Class.forName("dev.connectchat.participant.model." + name);
            if (shape.has("enum")) {
                enumKnowsEveryValue(type, shape);
            } else {
                recordHasEveryMember(type, shape);
            }
        })));
        return tests;
    }

    private static void enumKnowsEveryValue(Class<?> type, JsonNode shape) throws Exception {
        assertThat(type.isEnum()).as(type.getSimpleName() + " is a Java enum").isTrue();
        assertThat(type.getMethod("fromValue", String.class).invoke(null, "A_VALUE_FROM_THE_FUTURE"))
                .as(type.getSimpleName() + " reads a value it does not know").hasToString("UNKNOWN_TO_SDK_VERSION");
        Set<String> known = new TreeSet<>();
        for (Object value : (Iterable<?>) type.getMethod("knownValues").invoke(null)) {
            known.add(value.toString());
        }
        Set<String> modelled = new TreeSet<>();
        shape.get("enum").forEach(v -> modelled.add(v.asText()));
        assertThat(known).as(type.getSimpleName() + " values").containsAll(modelled);
    }

    private static void recordHasEveryMember(Class<?> type, JsonNode shape) throws Exception {
        assertThat(type.isRecord()).as(type.getSimpleName() + " is a record").isTrue();
        Map<String, RecordComponent> byMember = new TreeMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty property = c.getAccessor().getAnnotation(JsonProperty.class);
            if (property == null) {
                property = fieldAnnotation(type, c, JsonProperty.class);
            }
            if (property != null) {
                byMember.put(property.value(), c);
            } else {
                assertThat(fieldAnnotation(type, c, JsonIgnore.class) != null
                        || c.getAccessor().getAnnotation(JsonIgnore.class) != null)
                        .as(type.getSimpleName() + "." + c.getName() + " is either a JSON member or ignored").isTrue();
                byMember.put(Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1), c);
            }
        }
        Set<String> members = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.get("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            members.add(member.getKey());
            RecordComponent c = byMember.get(member.getKey());
            assertThat(c).as(type.getSimpleName() + " lacks the model's member " + member.getKey()).isNotNull();
            boolean bound = member.getValue().has("location");
            assertThat(fieldAnnotation(type, c, JsonIgnore.class) != null
                    || c.getAccessor().getAnnotation(JsonIgnore.class) != null)
                    .as(type.getSimpleName() + "." + member.getKey() + " is sent in the body unless the model binds it")
                    .isEqualTo(bound);
            kind(type.getSimpleName() + "." + member.getKey(), c.getGenericType(),
                    shapes.get(member.getValue().get("shape").asText()), member.getValue().get("shape").asText());
            typedAccessorOf(type, c, member.getValue().get("shape").asText());
        }
        members.addAll(BEYOND_THE_MODEL.getOrDefault(type.getSimpleName(), Set.of()));
        assertThat(byMember.keySet()).as(type.getSimpleName() + " has members the model does not").isEqualTo(members);
    }

    /**
     * An enumeration member is a raw string component ({@code typeAsString}, {@code typeAsStrings} for a list) next
     * to an accessor without the suffix that gives the Java enum (or a list of it), as the AWS SDK does.
     */
    private static void typedAccessorOf(Class<?> type, RecordComponent c, String shapeName) throws Exception {
        JsonNode shape = shapes.get(shapeName);
        boolean list = shape.get("type").asText().equals("list");
        String enumShape = list ? shape.get("member").get("shape").asText() : shapeName;
        if (!shapes.get(enumShape).has("enum")) {
            return;
        }
        String suffix = list ? "AsStrings" : "AsString";
        String where = type.getSimpleName() + "." + c.getName();
        assertThat(c.getName()).as(where).endsWith(suffix);
        Method typed = type.getMethod(c.getName().substring(0, c.getName().length() - suffix.length()));
        Type returned = typed.getGenericReturnType();
        if (list) {
            assertThat(((ParameterizedType) returned).getActualTypeArguments()[0]).as(where).isEqualTo(classOf(enumShape));
        } else {
            assertThat(returned).as(where).isEqualTo(classOf(enumShape));
        }
    }

    private static void kind(String where, Type java, JsonNode shape, String shapeName) {
        String type = shape.get("type").asText();
        switch (type) {
            // the model's timestamps are strings in ISO 8601 (shapes Instant and ISO8601Datetime): Instants here
            // enumerations are kept as raw strings; typedAccessorOf checks the accessor that gives the constant
            case "string" -> assertThat(java).as(where)
                    .isEqualTo(TIMESTAMPS.contains(shapeName) ? Instant.class : String.class);
            case "integer" -> assertThat(java).as(where).isEqualTo(Integer.class);
            case "long" -> assertThat(java).as(where).isEqualTo(Long.class);
            case "boolean" -> assertThat(java).as(where).isEqualTo(Boolean.class);
            case "timestamp" -> assertThat(java).as(where).isEqualTo(Instant.class);
            case "structure" -> assertThat(java).as(where).isEqualTo(classOf(shapeName));
            case "list" -> {
                assertThat(java).as(where).isInstanceOf(ParameterizedType.class);
                ParameterizedType list = (ParameterizedType) java;
                assertThat(list.getRawType()).as(where).isEqualTo(List.class);
                String entry = shape.get("member").get("shape").asText();
                kind(where + "[]", list.getActualTypeArguments()[0], shapes.get(entry), entry);
            }
            case "map" -> {
                assertThat(java).as(where).isInstanceOf(ParameterizedType.class);
                ParameterizedType map = (ParameterizedType) java;
                assertThat(map.getRawType()).as(where).isEqualTo(Map.class);
                String key = shape.get("key").get("shape").asText();
                String value = shape.get("value").get("shape").asText();
                kind(where + "{key}", map.getActualTypeArguments()[0], shapes.get(key), key);
                kind(where + "{value}", map.getActualTypeArguments()[1], shapes.get(value), value);
            }
            default -> throw new AssertionError(where + ": a " + type + " member, which this test does not know");
        }
    }

    private static Class<?> classOf(String shapeName) {
        try {
            return Class.forName("dev.connectchat.participant.model." + shapeName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no model type " + shapeName, e);
        }
    }

    private static <A extends java.lang.annotation.Annotation> A fieldAnnotation(Class<?> type, RecordComponent c, Class<A> annotation) {
        try {
            return type.getDeclaredField(c.getName()).getAnnotation(annotation);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
