package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.model.ContentTypes;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.ParticipantRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatParticipant;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ItemMapperTest {

    private static Item message(String role) {
        return Item.builder().id("m-1").absoluteTime(Instant.parse("2026-01-01T00:00:00Z")).type("MESSAGE")
                .participantId("p-1").displayName("Someone").participantRole(role)
                .contentType(ContentTypes.TEXT_PLAIN).content("hello").build();
    }

    @Test
    void aKnownRoleIsAConstantForASwitch() {
        ChatItem item = ItemMapper.map(message("CUSTOM_BOT"));
        assertThat(item.role()).isSameAs(ParticipantRole.CUSTOM_BOT);
        assertThat(item.roleAsString()).isEqualTo("CUSTOM_BOT");
    }

    @Test
    void aRoleTheServiceAddsLaterIsKeptAsSentAndReadAsUnknown() {
        ChatItem item = ItemMapper.map(message("ROBOT_SUPERVISOR"));
        assertThat(item).isInstanceOf(ChatItem.Message.class);
        assertThat(item.role()).isSameAs(ParticipantRole.UNKNOWN_TO_SDK_VERSION);
        assertThat(item.roleAsString()).isEqualTo("ROBOT_SUPERVISOR");
    }

    @Test
    void aTypeTheServiceAddsLaterIsAnUnknownItemThatKeepsItsType() {
        ChatItem item = ItemMapper.map(message("AGENT").toBuilder().type("HOLOGRAM").build());
        assertThat(item).isInstanceOfSatisfying(ChatItem.UnknownItem.class, unknown -> {
            assertThat(unknown.type()).isEqualTo("HOLOGRAM");
            assertThat(unknown.role()).isSameAs(ParticipantRole.AGENT);
        });
    }

    @Test
    void anItemWrittenAsJsonCarriesItsRoleAsSent() throws Exception {
        ObjectMapper json = new ObjectMapper(); // as an application's own, here without a time module
        JsonNode message = json.valueToTree(ItemMapper.map(message("ROBOT_SUPERVISOR").toBuilder()
                .absoluteTime(null).build()));
        assertThat(message.path("role").asText()).isEqualTo("ROBOT_SUPERVISOR");
        assertThat(message.has("roleAsString")).isFalse();
        JsonNode participant = json.valueToTree(new ChatParticipant("p-1", "Ann", "AGENT", false));
        assertThat(participant.path("role").asText()).isEqualTo("AGENT");
        assertThat(participant.has("roleAsString")).isFalse();
    }
}
