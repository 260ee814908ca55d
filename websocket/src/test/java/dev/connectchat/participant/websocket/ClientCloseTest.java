package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a client closes its sessions, quietly: they end CLOSED without an error and without trying to
 * reconnect through a pool that is going away (what an application shutting down needs), and a session cannot
 * be started on a closed client.
 */
class ClientCloseTest {
    ParticipantEmulator emulator;
    ParticipantClient client;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.start();
        client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void closingTheClientClosesItsSessionsWithoutAReconnect() {
        List<ChatSession> sessions = new CopyOnWriteArrayList<>();
        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            EmulatedChat chat = emulator.startChat();
            ChatSession session = ChatSession.connect(client, chat.participantToken()).block(Duration.ofSeconds(10));
            session.states().subscribe(seen::add);
            sessions.add(session);
        }
        client.close();
        for (ChatSession session : sessions) {
            StepVerifier.create(session.items()).expectComplete().verify(Duration.ofSeconds(5));
            StepVerifier.create(session.states().last())
                    .assertNext(s -> {
                        assertThat(s.status()).isEqualTo(ConnectionState.Status.CLOSED);
                        assertThat(s.cause()).as("a quiet close").isNull();
                    })
                    .verifyComplete();
            Awaits.until(() -> session.engine().openSockets() == 0); // the closing handshake ends it
            assertThat(session.engine().failedReconnects()).isZero();
        }
        assertThat(seen).extracting(ConnectionState::status)
                .doesNotContain(ConnectionState.Status.RECONNECTING);
    }

    @Test
    void aSessionCannotStartOnAClosedClient() {
        EmulatedChat chat = emulator.startChat();
        client.close();
        StepVerifier.create(ChatSession.connect(client, chat.participantToken()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed"))
                .verify(Duration.ofSeconds(5));
    }
}
