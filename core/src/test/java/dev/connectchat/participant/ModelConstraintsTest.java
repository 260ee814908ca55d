package dev.connectchat.participant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.testsupport.CaptureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Driven by the 2018-09-07 service model file: for every operation, a request with every member valid is
 * sent, then every constraint of every input member (required, string length, numeric range, list size,
 * enum value, and those of nested structures and list entries) is broken one at a time, and each broken
 * request must fail with an {@link InvalidRequestException} naming the operation, the member and the rule,
 * without reaching the network.
 *
 * <p>Where the newest model changed a constraint, the newest one is expected, as docs/protocol.md lists:
 * {@code ChatContent} max 1024 became 16384; {@code CreateParticipantConnection.Type} is no longer required.
 * Two constraints cannot be broken through this API and are accounted for: idempotency tokens are filled
 * when empty (so "required" and "min 1" always hold), and {@code Instant} members are {@link Instant}s,
 * always written in the service's 24-character form (so the 1..100 length of the {@code Instant} shape
 * always holds).
 */
class ModelConstraintsTest {
    private static final Map<String, Integer> NEWEST_MAX = Map.of("ChatContent", 16384);
    private static final Set<String> NO_LONGER_REQUIRED = Set.of("CreateParticipantConnectionRequest.Type");
    /** Members whose valid value the shape alone does not tell. */
    private static final Map<String, Object> VALID = Map.of(
            "SendMessageRequest.ContentType", "text/plain",
            "SendEventRequest.ContentType", "application/vnd.amazonaws.connect.event.typing");

    static JsonNode model;
    static CaptureServer server;
    static ParticipantClient client;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ModelConstraintsTest.class.getResourceAsStream(
                "/service-model/connectparticipant-2018-09-07.json")) {
            model = new ObjectMapper().readTree(in);
        }
        server = CaptureServer.start();
        client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    List<DynamicTest> everyConstraintOfEveryOperation() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> ops = model.get("operations").fields();
        int[] constraints = {0};
        while (ops.hasNext()) {
            Map.Entry<String, JsonNode> op = ops.next();
            String operation = op.getKey();
            String inputShape = op.getValue().get("input").get("shape").asText();
            Class<?> requestType = modelClass(inputShape);
            tests.add(DynamicTest.dynamicTest(operation + " with every member valid is sent", () -> {
                call(operation, valid(requestType, inputShape)).block(Duration.ofSeconds(10));
                assertThat(server.take().uri()).startsWith("/participant/");
            }));
            for (Violation v : violations(inputShape, requestType, "")) {
                constraints[0]++;
                tests.add(DynamicTest.dynamicTest(operation + ": " + v.member + " " + v.rule, () -> {
                    server.drain();
                    Object request = v.apply(valid(requestType, inputShape));
                    StepVerifier.create(call(operation, request))
                            .expectErrorSatisfies(e -> {
                                assertThat(e).isInstanceOf(InvalidRequestException.class);
                                InvalidRequestException invalid = (InvalidRequestException) e;
                                assertThat(invalid.operation()).isEqualTo(operation);
                                assertThat(invalid.member()).startsWith(v.member);
                                assertThat(invalid.rule()).containsIgnoringCase(v.ruleWord);
                                assertThat(invalid.getMessage()).contains(operation).contains(v.member);
                            })
                            .verify(Duration.ofSeconds(10));
                    assertThat(server.pending()).as("nothing was sent").isZero();
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("the model has constraints to check", () ->
                assertThat(constraints[0]).isGreaterThan(40)));
        return tests;
    }

    /** One broken constraint: which member, which rule, and how to break it in a valid request. */
    private record Violation(String member, String rule, String ruleWord, Breaker breaker) {
        Object apply(Object request) throws Exception {
            return breaker.breakIt(request);
        }
    }

    private interface Breaker {
        Object breakIt(Object valid) throws Exception;
    }

    private List<Violation> violations(String shapeName, Class<?> type, String prefix) throws Exception {
        List<Violation> out = new ArrayList<>();
        JsonNode shape = model.get("shapes").get(shapeName);
        Set<String> required = new java.util.HashSet<>();
        shape.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> members = shape.get("members").fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> m = members.next();
            String member = m.getKey();
            String memberShapeName = m.getValue().get("shape").asText();
            JsonNode memberShape = model.get("shapes").get(memberShapeName);
            String path = prefix + member;
            boolean idempotency = m.getValue().path("idempotencyToken").asBoolean(false);
            RecordComponent component = component(type, member);
            Class<?> javaType = component.getType();

            if (required.contains(member) && !idempotency && !NO_LONGER_REQUIRED.contains(shapeName + "." + member)) {
                out.add(new Violation(path, "is required", "required", r -> with(r, member, null)));
            }
            String kind = memberShape.get("type").asText();
            if (kind.equals("string") && memberShape.has("enum")) {
                out.add(new Violation(path, "must be a known value", "one of",
                        r -> with(r, member, "NOT_A_VALUE")));
            } else if (kind.equals("string") && javaType == String.class) {
                int min = memberShape.path("min").asInt(0);
                int max = NEWEST_MAX.getOrDefault(memberShapeName, memberShape.path("max").asInt(-1));
                if (min > 0 && !idempotency) {
                    out.add(new Violation(path, "min length " + min, "length", r -> with(r, member, "x".repeat(min - 1))));
                }
                if (max >= 0) {
                    out.add(new Violation(path, "max length " + max, "length", r -> with(r, member, "x".repeat(max + 1))));
                }
            } else if (kind.equals("integer") || kind.equals("long")) {
                if (memberShape.has("min")) {
                    long min = memberShape.get("min").asLong();
                    out.add(new Violation(path, "min " + min, "", r -> with(r, member, number(javaType, min - 1))));
                }
                if (memberShape.has("max")) {
                    long max = memberShape.get("max").asLong();
                    out.add(new Violation(path, "max " + max, "between", r -> with(r, member, number(javaType, max + 1))));
                }
            } else if (kind.equals("list")) {
                Class<?> element = elementType(component);
                String elementShape = memberShape.get("member").get("shape").asText();
                if (memberShape.has("min")) {
                    int min = memberShape.get("min").asInt();
                    out.add(new Violation(path, "at least " + min + " entries", "entries",
                            r -> with(r, member, Collections.nCopies(min - 1, validValue(element, elementShape, null)))));
                }
                if (memberShape.has("max")) {
                    int max = memberShape.get("max").asInt();
                    out.add(new Violation(path, "at most " + max + " entries", "entries",
                            r -> with(r, member, Collections.nCopies(max + 1, validValue(element, elementShape, null)))));
                }
                out.add(new Violation(path, "no null entries", "null",
                        r -> with(r, member, Collections.singletonList(null))));
                JsonNode es = model.get("shapes").get(elementShape);
                if (es.get("type").asText().equals("string") && es.has("max") && !es.has("enum")) {
                    int max = es.get("max").asInt();
                    out.add(new Violation(path, "entries at most " + max + " long", "length",
                            r -> with(r, member, List.of("x".repeat(max + 1)))));
                }
                if (es.has("enum")) {
                    out.add(new Violation(path, "known entries", "one of",
                            r -> with(r, member, List.of("NOPE"))));
                }
            } else if (kind.equals("structure")) {
                for (Violation nested : violations(memberShapeName, javaType, path + ".")) {
                    out.add(new Violation(nested.member, nested.rule, nested.ruleWord, r -> {
                        Object inner = valid(javaType, memberShapeName);
                        return with(r, member, nested.apply(inner));
                    }));
                }
            }
        }
        return out;
    }

    private static Object number(Class<?> type, long value) {
        return type == Long.class ? (Object) value : (Object) (int) value;
    }

    /** A request whose every member is valid and present. */
    private Object valid(Class<?> type, String shapeName) throws Exception {
        JsonNode shape = model.get("shapes").get(shapeName);
        Object builder = type.getMethod("builder").invoke(null);
        Iterator<Map.Entry<String, JsonNode>> members = shape.get("members").fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> m = members.next();
            RecordComponent component = component(type, m.getKey());
            Object value = VALID.containsKey(type.getSimpleName() + "." + m.getKey())
                    ? VALID.get(type.getSimpleName() + "." + m.getKey())
                    : validValue(component.getType(), m.getValue().get("shape").asText(), component);
            setter(builder, m.getKey(), component).invoke(builder, value);
        }
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private Object validValue(Class<?> type, String shapeName, RecordComponent component) throws Exception {
        JsonNode shape = model.get("shapes").get(shapeName);
        if (type == String.class && shape.has("enum")) {
            return shape.get("enum").get(0).asText();
        }
        if (type == String.class) {
            return "v".repeat(Math.max(1, shape.path("min").asInt(1)));
        }
        if (type == Integer.class) {
            return Math.max(shape.path("min").asInt(0), Math.min(5, shape.path("max").asInt(5)));
        }
        if (type == Long.class) {
            return Math.max(1L, shape.path("min").asLong(1));
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == Instant.class) {
            return Instant.parse("2024-01-01T00:00:00.000Z");
        }
        if (type == List.class) {
            String elementShape = shape.get("member").get("shape").asText();
            return List.of(validValue(elementType(component), elementShape, null));
        }
        if (type.isRecord()) {
            return valid(type, shapeName);
        }
        throw new AssertionError("no valid value for " + type);
    }

    private static Object with(Object request, String member, Object value) throws Exception {
        Object builder = request.getClass().getMethod("toBuilder").invoke(request);
        setter(builder, member, component(request.getClass(), member)).invoke(builder, value);
        return builder.getClass().getMethod("build").invoke(builder);
    }

    /** Enumerations are set as raw strings: {@code type(String)}, or {@code typeAsStrings(List)} for a list. */
    private static Method setter(Object builder, String member, RecordComponent component)
            throws NoSuchMethodException {
        String name = component.getName().endsWith("AsStrings") ? component.getName() : camel(member);
        return builder.getClass().getMethod(name, component.getType());
    }

    private static RecordComponent component(Class<?> type, String member) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = c.getName();
            if (name.equals(camel(member)) || name.equals(camel(member) + "AsString")
                    || name.equals(camel(member) + "AsStrings")) {
                return c;
            }
        }
        throw new AssertionError(type.getSimpleName() + " has no member " + member);
    }

    private static Class<?> elementType(RecordComponent component) {
        Type t = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return (Class<?>) t;
    }

    private static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    private static Class<?> modelClass(String shape) {
        try {
            return Class.forName("dev.connectchat.participant.model." + shape);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no model class for shape " + shape, e);
        }
    }

    private static Mono<?> call(String operation, Object request) {
        try {
            Method m = ParticipantClient.class.getMethod(camel(operation), request.getClass());
            return (Mono<?>) m.invoke(client, request);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
