package dev.connectchat.participant.spring;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulatorExtension;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatPosition;
import dev.connectchat.participant.websocket.ChatSession;
import dev.connectchat.participant.websocket.ChatSessionOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = SpringBootRecipeTest.App.class)
class SpringBootRecipeTest {
    @RegisterExtension
    static final ParticipantEmulatorExtension EMULATOR = new ParticipantEmulatorExtension();

    @DynamicPropertySource
    static void connectchat(DynamicPropertyRegistry registry) {
        registry.add("connectchat.endpoint", () -> EMULATOR.emulator().endpoint().toString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Autowired
    ParticipantClient client;

    @Autowired
    ChatSessionOptions options;

    @Test
    void aBotAnswersTheAgent() {
        EmulatedChat chat = EMULATOR.emulator().startChat("Jane");
        ChatSession session = ChatSession.connect(client, chat.participantToken(), options).block();
        chat.agent().sendMessage("Hello?");
        ChatItem.Message first = session.items(ChatPosition.START).ofType(ChatItem.Message.class).blockFirst();
        Assertions.assertEquals("Hello?", first.content());
        session.close();
    }
}
