package dev.connectchat.participant.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectchat.participant.InvalidRequestException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.spi.ServiceJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator judges requests with the service model file; the client with its own hand-written checks. They
 * share no code, so this test holds them to the same verdicts: generated from the model file, a valid request
 * per operation, then each constraint of each member broken one at a time (required, lengths, ranges, list
 * sizes, enum values, nested members), plus the documented content-type rules. Each is sent through the
 * client (which must refuse it before the network, naming the member) and raw to the emulator (which must
 * answer 400 naming the same member). A rule only one side knows fails here.
 *
 * <p>Not generated: the tokens (a malformed token is refused as access denied before any check), idempotency
 * tokens (the client fills them) and timestamps (the client's are {@code Instant}s, always well formed).
 */
class ValidationAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Members whose constraints are not broken here (see above); ClientToken still gets a valid value. */
    private static final Set<String> NOT_BROKEN = Set.of("ClientToken", "AbsoluteTime");
    private static final Map<String, String> VALID = Map.of(
            "SendMessage.ContentType", "text/plain",
            "SendEvent.ContentType", "application/vnd.amazonaws.connect.event.typing");

    static ParticipantEmulator emulator;
    static ParticipantClient client;
    static JsonNode model;
    static HttpClient http = HttpClient.newHttpClient();

    record Case(String operation, String member, ObjectNode body) {
    }

    @BeforeAll
    static void start() throws IOException {
        emulator = ParticipantEmulator.start();
        client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        try (InputStream in = ValidationAgreementTest.class.getResourceAsStream(
                "/dev/connectchat/participant/testkit/model/connectparticipant-2018-09-07.json")) {
            model = JSON.readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @TestFactory
    List<DynamicTest> bothSidesGiveTheSameVerdict() {
        List<Case> cases = new ArrayList<>();
        for (Iterator<String> ops = model.get("operations").fieldNames(); ops.hasNext(); ) {
            String op = ops.next();
            if (!op.equals("DescribeView")) {
                cases.addAll(cases(op));
            }
        }
        cases.add(new Case("SendMessage", "ContentType", body("ContentType", "text/html", "Content", "x")));
        cases.add(new Case("SendMessage", "Content", body("ContentType", "text/plain", "Content", "x".repeat(1025))));
        cases.add(new Case("SendMessage", "Content", body("ContentType", "application/json", "Content", "1".repeat(12001))));
        cases.add(new Case("SendEvent", "ContentType", body("ContentType", "application/vnd.amazonaws.connect.event.dancing")));
        assertThat(cases).hasSizeGreaterThan(40);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + " " + c.member() + " "
                + abbreviate(c.body()), () -> agree(c))).toList();
    }

    private static void agree(Case c) throws Exception {
        EmulatedChat chat = emulator.startChat();
        String token = c.operation().equals("CreateParticipantConnection") ? chat.participantToken()
                : client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(chat.participantToken()).build()).block()
                        .connectionCredentials().connectionToken();
        String clientVerdict = clientVerdict(c, token);
        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + path(c.operation())))
                .header("X-Amz-Bearer", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(c.body().toString())).build(), HttpResponse.BodyHandlers.ofString());
        String emulatorVerdict = raw.statusCode() == 400 && raw.body().contains("failed to satisfy constraint")
                ? raw.body() : null;
        if (c.member() == null) {
            assertThat(clientVerdict).as("client, valid request").isNull();
            assertThat(emulatorVerdict).as("emulator, valid request").isNull();
            return;
        }
        assertThat(clientVerdict).as("the client refuses it").isNotNull().isEqualTo(c.member());
        assertThat(emulatorVerdict).as("the emulator refuses it").isNotNull()
                .contains("'" + c.member().replace("[]", ".1.member") + "'");
    }

    /** @return the member the client names when it refuses the request, or null when it accepts it */
    private static String clientVerdict(Case c, String token) throws Exception {
        Class<?> type = Class.forName("dev.connectchat.participant.model." + c.operation() + "Request");
        Object request = ServiceJson.reader(type).readValue(c.body());
        Object builder = type.getMethod("toBuilder").invoke(request);
        String tokenMember = c.operation().equals("CreateParticipantConnection") ? "participantToken" : "connectionToken";
        builder.getClass().getMethod(tokenMember, String.class).invoke(builder, token);
        request = builder.getClass().getMethod("build").invoke(builder);
        Method call = ParticipantClient.class.getMethod(Character.toLowerCase(c.operation().charAt(0))
                + c.operation().substring(1), type);
        try {
            Mono<?> mono = (Mono<?>) call.invoke(client, request);
            mono.onErrorResume(e -> !(e instanceof InvalidRequestException), e -> Mono.empty()).block();
            return null;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidRequestException invalid) {
                return invalid.member();
            }
            throw e;
        } catch (InvalidRequestException invalid) {
            return invalid.member();
        }
    }

    private static List<Case> cases(String op) {
        JsonNode input = shape(model.get("operations").get(op).get("input").get("shape").asText());
        ObjectNode valid = (ObjectNode) validValue(op, "", input);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(op, null, valid));
        broken(op, valid, input, "", valid, cases);
        return cases;
    }

    /** Adds one case per constraint of each member of {@code structure} (found at {@code at} in {@code root}). */
    private static void broken(String op, ObjectNode root, JsonNode structure, String prefix, ObjectNode at, List<Case> out) {
        Set<String> required = new java.util.HashSet<>();
        structure.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = structure.get("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String name = m.getKey();
            if (NOT_BROKEN.contains(name) || m.getValue().has("location")) {
                continue;
            }
            String member = prefix + name;
            JsonNode shape = shape(m.getValue().get("shape").asText());
            if (required.contains(name)) {
                out.add(new Case(op, member, with(root, at, name, null)));
            }
            String type = shape.get("type").asText();
            if (type.equals("structure")) {
                ObjectNode copy = root.deepCopy();
                ObjectNode inner = (ObjectNode) locate(copy, prefix).get(name);
                broken(op, copy, shape, member + ".", inner, out);
            } else if (type.equals("string") && shape.has("enum")) {
                out.add(new Case(op, member, with(root, at, name, JSON.getNodeFactory().textNode("NOT_A_VALUE"))));
            } else if (type.equals("string")) {
                if (shape.path("min").asInt(0) > 0) {
                    out.add(new Case(op, member, with(root, at, name, text(shape.get("min").asInt() - 1))));
                }
                if (shape.has("max") && !VALID.containsKey(op + "." + name)) {
                    out.add(new Case(op, member, with(root, at, name, text(shape.get("max").asInt() + 1))));
                }
            } else if (type.equals("integer") || type.equals("long")) {
                if (shape.has("min")) {
                    out.add(new Case(op, member, with(root, at, name, JSON.getNodeFactory().numberNode(shape.get("min").asLong() - 1))));
                }
                if (shape.has("max")) {
                    out.add(new Case(op, member, with(root, at, name, JSON.getNodeFactory().numberNode(shape.get("max").asLong() + 1))));
                }
            } else if (type.equals("list")) {
                if (shape.path("min").asInt(0) > 0) {
                    out.add(new Case(op, member, with(root, at, name, JSON.createArrayNode())));
                }
                JsonNode entry = shape(shape.get("member").get("shape").asText());
                if (entry.has("enum")) {
                    ArrayNode bad = JSON.createArrayNode().add("NOT_A_VALUE");
                    out.add(new Case(op, member + "[]", with(root, at, name, bad)));
                } else if (shape.has("max")) {
                    ArrayNode many = JSON.createArrayNode();
                    for (int i = 0; i <= shape.get("max").asInt(); i++) {
                        many.add(validValue(op, name, entry));
                    }
                    out.add(new Case(op, member, with(root, at, name, many)));
                }
            }
        }
    }

    private static JsonNode validValue(String op, String name, JsonNode shape) {
        String type = shape.get("type").asText();
        if (VALID.containsKey(op + "." + name)) {
            return JSON.getNodeFactory().textNode(VALID.get(op + "." + name));
        }
        switch (type) {
            case "structure": {
                ObjectNode o = JSON.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = shape.get("members").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = it.next();
                    if (!m.getValue().has("location") && !m.getKey().equals("AbsoluteTime")) {
                        o.set(m.getKey(), validValue(op, m.getKey(), shape(m.getValue().get("shape").asText())));
                    }
                }
                return o;
            }
            case "list": {
                return JSON.createArrayNode().add(validValue(op, name, shape(shape.get("member").get("shape").asText())));
            }
            case "string":
                if (shape.has("enum")) {
                    return JSON.getNodeFactory().textNode(shape.get("enum").get(0).asText());
                }
                return text(Math.max(1, shape.path("min").asInt(1)));
            case "integer":
            case "long":
                return JSON.getNodeFactory().numberNode(shape.has("min") ? Math.max(shape.get("min").asLong(), 1) : 1);
            case "boolean":
                return JSON.getNodeFactory().booleanNode(false);
            default:
                throw new IllegalStateException("no valid value for a " + type);
        }
    }

    private static ObjectNode with(ObjectNode root, ObjectNode at, String name, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        ObjectNode target = root == at ? copy : locateSame(copy, root, at);
        if (value == null) {
            target.remove(name);
        } else {
            target.set(name, value);
        }
        return copy;
    }

    /** The node of {@code copy} at the path where {@code at} sits in {@code original} (one level deep at most). */
    private static ObjectNode locateSame(ObjectNode copy, ObjectNode original, ObjectNode at) {
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() == at) {
                return (ObjectNode) copy.get(e.getKey());
            }
        }
        throw new IllegalStateException("nested deeper than the model has");
    }

    private static ObjectNode locate(ObjectNode root, String prefix) {
        return prefix.isEmpty() ? root : (ObjectNode) root.get(prefix.substring(0, prefix.length() - 1));
    }

    private static JsonNode shape(String name) {
        return model.get("shapes").get(name);
    }

    private static JsonNode text(int length) {
        return JSON.getNodeFactory().textNode("a".repeat(length));
    }

    private static ObjectNode body(String... pairs) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    private static String path(String op) {
        return model.get("operations").get(op).get("http").get("requestUri").asText();
    }

    private static String abbreviate(JsonNode body) {
        String s = body.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
