package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.model.ContentTypes;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.websocket.ChatItem;
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
}
