package dev.connectchat.participant.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.StartAttachmentUploadResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The readers of responses against mutated answers: a string, number or boolean replaced by an object or array that carries other
 * members' names, the text cut short, garbage after it. Each read gives a typed error or a value, and never a
 * value that a mutation planted (every planted string holds {@code FORGED}).
 */
class ResponseMutationPropertiesTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String TRANSCRIPT = "{\"InitialContactId\":\"c-1\",\"NextToken\":\"n-1\",\"Transcript\":["
            + "{\"AbsoluteTime\":\"2026-01-01T00:00:00.000Z\",\"Content\":\"content-1\",\"ContentType\":\"text/plain\","
            + "\"Id\":\"id-1\",\"Type\":\"MESSAGE\",\"ParticipantId\":\"p-1\",\"DisplayName\":\"name-1\","
            + "\"ParticipantRole\":\"AGENT\",\"Attachments\":[{\"ContentType\":\"text/plain\",\"AttachmentId\":\"a-1\","
            + "\"AttachmentName\":\"f.txt\",\"Status\":\"APPROVED\"}],\"MessageMetadata\":{\"MessageId\":\"id-0\","
            + "\"Receipts\":[{\"DeliveredTimestamp\":\"2026-01-01T00:00:01.000Z\",\"ReadTimestamp\":"
            + "\"2026-01-01T00:00:02.000Z\",\"RecipientParticipantId\":\"p-2\"}]}},"
            + "{\"AbsoluteTime\":\"2026-01-01T00:00:03.000Z\",\"Id\":\"id-2\",\"Type\":\"EVENT\","
            + "\"ContentType\":\"application/vnd.amazonaws.connect.event.typing\",\"ParticipantRole\":\"CUSTOMER\"}]}";
    private static final String CONNECTION = "{\"Websocket\":{\"Url\":\"wss://x/connect?t=1\",\"ConnectionExpiry\":"
            + "\"2026-01-01T00:00:00.000Z\"},\"ConnectionCredentials\":{\"ConnectionToken\":\"ct-1\",\"Expiry\":"
            + "\"2026-01-02T00:00:00.000Z\"}}";
    private static final String UPLOAD = "{\"AttachmentId\":\"a-1\",\"UploadMetadata\":{\"Url\":\"https://s3/x\","
            + "\"UrlExpiry\":\"2026-01-01T00:00:00.000Z\",\"HeadersToInclude\":{\"x-amz-meta-a\":\"b\"}}}";
    private static final Map<String, Class<?>> SAMPLES = Map.of(TRANSCRIPT, GetTranscriptResponse.class,
            CONNECTION, CreateParticipantConnectionResponse.class, UPLOAD, StartAttachmentUploadResponse.class);

    @Property(tries = 600)
    void aScalarReplacedByAContainerIsRefusedNeverRead(@ForAll("samples") String sample,
                                                               @ForAll @IntRange(min = 0, max = 1000) int where,
                                                               @ForAll("forgeries") JsonNode forgery) throws IOException {
        JsonNode tree = PLAIN.readTree(sample);
        List<Runnable> replacements = new ArrayList<>();
        collectScalars(tree, forgery, replacements);
        replacements.get(where % replacements.size()).run();
        assertNoForgery(PLAIN.writeValueAsString(tree), SAMPLES.get(sample));
    }

    @Property(tries = 300)
    void aCutOrTrailedAnswerIsRefused(@ForAll("samples") String sample, @ForAll @IntRange(min = 1, max = 1000) int cut,
                                      @ForAll("garbage") String garbage) {
        ObjectReader reader = Json.reader(SAMPLES.get(sample));
        String shortened = sample.substring(0, cut % sample.length());
        assertThatThrownBy(() -> reader.readValue(shortened)).as(shortened).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader.readValue(sample + garbage)).as(garbage).isInstanceOf(IOException.class);
    }

    private static void assertNoForgery(String mutated, Class<?> type) {
        Object value;
        try {
            value = Json.reader(type).readValue(mutated);
        } catch (IOException refused) {
            return; // a typed error at the client: ParticipantServiceException, "not its response"
        }
        String read;
        try {
            read = Json.WRITER.writeValueAsString(value) + " " + value;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(read).as("read from %s", mutated).doesNotContain("FORGED");
    }

    /** Collects, for every scalar (a string, number or boolean) in the tree, the act of replacing it. */
    private static void collectScalars(JsonNode node, JsonNode forgery, List<Runnable> into) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    into.add(() -> object.set(e.getKey(), forgery.deepCopy()));
                } else {
                    collectScalars(e.getValue(), forgery, into);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                if (array.get(i).isValueNode()) {
                    into.add(() -> array.set(index, forgery.deepCopy()));
                } else {
                    collectScalars(array.get(i), forgery, into);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(SAMPLES.keySet().toArray(String[]::new));
    }

    @Provide
    Arbitrary<JsonNode> forgeries() {
        ObjectNode members = PLAIN.createObjectNode();
        for (String name : List.of("Id", "Content", "ContentType", "DisplayName", "ParticipantRole", "Type",
                "AbsoluteTime", "ParticipantId", "ConnectionToken", "Url", "NextToken", "AttachmentId", "MessageId")) {
            members.put(name, "FORGED-" + name);
        }
        ArrayNode array = PLAIN.createArrayNode().add("FORGED").add(members.deepCopy());
        ArrayNode single = PLAIN.createArrayNode().add("FORGED");
        ObjectNode nested = PLAIN.createObjectNode();
        nested.set("Transcript", PLAIN.createArrayNode().add(members.deepCopy()));
        nested.set("MessageMetadata", members.deepCopy());
        return Arbitraries.of(members, array, single, nested);
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.of("x", "{}", "[]", "null", "\"FORGED\"", ",{\"Id\":\"FORGED\"}", "}", "]", "0");
    }
}
