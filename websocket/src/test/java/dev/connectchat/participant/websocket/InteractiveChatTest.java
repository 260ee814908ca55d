package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.interactive.InteractiveMessage;
import dev.connectchat.participant.interactive.InteractiveReply;
import dev.connectchat.participant.model.ContentTypes;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A bridge's round trip: the flow's list picker arrives typed, the customer's choice goes back as the widget sends it. */
class InteractiveChatTest {

    @Test
    void aListPickerArrivesTypedAndTheChoiceGoesBackAsText() {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build()) {
            EmulatedChat chat = emulator.startChat("Jane");
            ChatSession session = ChatSession.connect(client, chat.participantToken()).block(Duration.ofSeconds(10));
            chat.agent().sendMessage(ContentTypes.INTERACTIVE, "{\"templateType\":\"ListPicker\",\"version\":\"1.0\","
                    + "\"data\":{\"content\":{\"title\":\"Which size?\",\"elements\":[{\"title\":\"Small\"},{\"title\":\"Large\"}]}}}");

            ChatItem.Message message = session.items(ChatPosition.START).ofType(ChatItem.Message.class)
                    .filter(ChatItem.Message::isInteractive).blockFirst(Duration.ofSeconds(10));
            InteractiveMessage.ListPicker list = (InteractiveMessage.ListPicker) message.interactive();
            assertThat(list.title()).isEqualTo("Which size?");
            session.reply(InteractiveReply.choose(list, list.choices().get(1))).block(Duration.ofSeconds(10));

            assertThat(chat.transcript()).last().satisfies(i -> {
                assertThat(i.contentType()).isEqualTo(ContentTypes.TEXT_PLAIN);
                assertThat(i.content()).isEqualTo("Large");
            });
            session.close();
        }
    }
}
