package dev.connectchat.participant.websocket.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectchat.participant.spi.ServiceJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat socket's frames against mutation: whatever a peer sends, reading a frame never throws (a frame
 * the session cannot use is ignored, and the socket stays), and an item it reads never carries a value planted
 * in another member's place.
 */
class FramePropertiesTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final List<String> MEMBERS = List.of("AbsoluteTime", "Content", "ContentType", "Id", "Type",
            "ParticipantId", "DisplayName", "ParticipantRole");

    @Property(tries = 500)
    void aMutatedItemIsIgnoredOrReadWithoutForgery(@ForAll @IntRange(min = 0, max = 7) int member,
                                                   @ForAll("replacements") String replacement,
                                                   @ForAll boolean itemAsString) throws Exception {
        ObjectNode item = PLAIN.createObjectNode().put("AbsoluteTime", "2026-01-01T00:00:00.000Z")
                .put("Content", "hello").put("ContentType", "text/plain").put("Id", "id-1").put("Type", "MESSAGE")
                .put("ParticipantId", "p-1").put("DisplayName", "Agent").put("ParticipantRole", "AGENT");
        item.set(MEMBERS.get(member), PLAIN.readTree(replacement));
        ObjectNode frame = PLAIN.createObjectNode().put("topic", "aws/chat").put("contentType", "application/json");
        if (itemAsString) {
            frame.put("content", PLAIN.writeValueAsString(item));
        } else {
            frame.set("content", item);
        }
        Frames.Frame read = Frames.read(PLAIN.writeValueAsString(frame));
        if (read.kind() == Frames.Kind.CHAT) {
            assertThat(ServiceJson.writer().writeValueAsString(read.item())).doesNotContain("FORGED");
        } else {
            assertThat(read.kind()).isEqualTo(Frames.Kind.OTHER);
        }
    }

    @Property(tries = 300)
    void anyTextIsAFrameOrIgnored(@ForAll("texts") String text) {
        assertThat(Frames.read(text)).isNotNull();
    }

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.of("{\"Id\":\"FORGED\",\"Content\":\"FORGED\"}", "[\"FORGED\"]",
                "[{\"Id\":\"FORGED\"}]", "null", "42", "true", "{}", "[]");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "[]", "{}", "\"x\"", "{\"topic\":null}", "{\"topic\":\"aws/chat\"}",
                        "{\"topic\":\"aws/chat\",\"content\":\"{\"}", "{\"topic\":\"aws/chat\",\"content\":[]}",
                        "{\"topic\":\"aws/subscribe\",\"content\":7}", "{\"topic\":{}}"),
                Arbitraries.strings().ofMaxLength(200));
    }
}
