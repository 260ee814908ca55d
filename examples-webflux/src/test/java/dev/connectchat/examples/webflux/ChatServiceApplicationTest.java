package dev.connectchat.examples.webflux;

import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service end to end against the embedded emulator, through WebTestClient. */
@SpringBootTest
class ChatServiceApplicationTest {
    static final ParticipantEmulator EMULATOR = ParticipantEmulator.start();

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("connectchat.endpoint", () -> EMULATOR.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @Autowired
    ApplicationContext context;

    @Test
    void startSendStreamAndReadTheTranscript() {
        WebTestClient web = WebTestClient.bindToApplicationContext(context).configureClient()
                .responseTimeout(Duration.ofSeconds(10)).build();
        EmulatedChat chat = EMULATOR.startChat("Jane");

        String sessionId = web.post().uri("/chats").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("participantToken", chat.participantToken()))
                .exchange().expectStatus().isOk()
                .expectBody(ChatController.Started.class).returnResult().getResponseBody().sessionId();

        Flux<ServerSentEvent<Map<String, Object>>> events = web.get().uri("/chats/{id}/events", sessionId)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody();
        StepVerifier.create(events.filter(e -> e.comment() != null || "Message".equals(e.event())).take(3))
                .assertNext(e -> assertThat(e.comment()).isEqualTo("subscribed"))
                .then(() -> {
                    chat.agent().sendMessage("Hello Jane");
                    web.post().uri("/chats/{id}/messages", sessionId).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("text", "Hi, I need help")).exchange().expectStatus().isOk()
                            .expectBody().jsonPath("$.Id").isNotEmpty();
                })
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("Message");
                    assertThat(e.data()).containsEntry("content", "Hello Jane").containsEntry("displayName", "Agent");
                })
                .assertNext(e -> assertThat(e.data()).containsEntry("content", "Hi, I need help"))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        web.get().uri("/chats/{id}/transcript", sessionId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.Content == 'Hi, I need help')]").exists();
        web.get().uri("/chats/{id}/transcript", "nope").exchange().expectStatus().isNotFound();
        web.delete().uri("/chats/{id}", sessionId).exchange().expectStatus().isOk();
        assertThat(chat.transcript()).last().satisfies(i -> assertThat(i.contentType()).endsWith("participant.left"));
    }
}
