package dev.connectchat.participant.websocket;

import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Open sessions, reconnects, items received and items recovered by the gap fill, in Micrometer. */
class SessionMetricsTest {

    @Test
    void sessionsReportToTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            EmulatedChat chat = emulator.startChat();
            ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
            ChatSessionOptions options = ChatSessionOptions.builder().meterRegistry(registry)
                    .backoff(Duration.ofMillis(5), Duration.ofMillis(50)).build();
            ChatSession a = ChatSession.connect(client, chat.participantToken(), options).block(Duration.ofSeconds(10));
            ChatSession b = ChatSession.connect(client, chat.participantToken(), options).block(Duration.ofSeconds(10));
            assertThat(registry.get("connectchat.sessions.open").gauge().value()).isEqualTo(2.0);

            StepVerifier.create(a.items().take(3))
                    .then(() -> {
                        chat.agent().sendMessage("one");
                        chat.faults().dropWebSockets();
                        chat.agent().sendMessage("two");
                        chat.agent().sendMessage("three");
                    })
                    .expectNextCount(3)
                    .verifyComplete();
            assertThat(registry.get("connectchat.sessions.reconnects").counter().count()).isGreaterThanOrEqualTo(1.0);
            assertThat(registry.get("connectchat.sessions.items").tag("kind", "Message").counter().count())
                    .isGreaterThanOrEqualTo(3.0);
            Awaits.until(() -> registry.get("connectchat.sessions.recovered").counter().count() >= 1.0);
            a.close();
            b.close();
            assertThat(registry.get("connectchat.sessions.open").gauge().value()).isZero();
        }
    }
}
