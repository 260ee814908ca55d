package dev.connectchat.examples.webflux;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import dev.connectchat.participant.websocket.ChatSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions' start-up, without the web layer: what it resumes and what it says it resumed. */
@ExtendWith(OutputCaptureExtension.class)
class ChatSessionsTest {

    @Test
    void startUpResumesTheStoredSessionsAndForgetsThoseThatCannotBe(CapturedOutput output) {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build()) {
            EmulatedChat live = emulator.startChat("Jane");
            SessionStore store = new InMemorySessionStore();
            ChatSession session = ChatSession.connect(client, live.participantToken()).block(Duration.ofSeconds(10));
            store.save("live", session.snapshot().encode()).block();
            session.close();
            store.save("damaged", "not a snapshot").block(); // a row a bad migration left, say

            ChatSessions sessions = new ChatSessions(client, store);
            sessions.resumeStored();

            assertThat(sessions.get("live").block(Duration.ofSeconds(10))).isNotNull();
            assertThat(output).contains("resumed the stored chat sessions (1)");
            sessions.suspend();
            assertThat(store.all().map(SessionStore.Stored::sessionId).collectList().block())
                    .containsExactly("live");
        }
    }
}
