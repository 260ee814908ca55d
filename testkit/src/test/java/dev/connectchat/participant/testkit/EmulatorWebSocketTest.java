package dev.connectchat.participant.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.SendMessageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat WebSocket as the emulator serves it, seen by a plain WebSocket client. */
class EmulatorWebSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIBE = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}";

    ParticipantEmulator emulator;
    ParticipantClient client;
    EmulatedChat chat;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.start();
        client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        chat = emulator.startChat("Jane");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CreateParticipantConnectionResponse connection() {
        return client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                .participantToken(chat.participantToken()).build()).block(Duration.ofSeconds(10));
    }

    private WsProbe subscribed() {
        WsProbe ws = WsProbe.open(connection().websocket().url()).send(SUBSCRIBE);
        assertThat(ws.next()).isEqualTo(
                "{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"success\",\"topics\":[\"aws/chat\"]}}");
        return ws;
    }

    @Test
    void pushesEveryNewItemAsAnAwsChatFrame() throws IOException {
        try (WsProbe ws = subscribed()) {
            Item sent = chat.agent().sendMessage("Hello Jane");
            String frame = ws.next();
            assertThat(frame).startsWith("{\"content\":\"{\\\"AbsoluteTime\\\":");
            assertThat(frame).endsWith(",\"contentType\":\"application/json\",\"topic\":\"aws/chat\"}");
            JsonNode item = JSON.readTree(JSON.readTree(frame).get("content").asText());
            List<String> keys = new ArrayList<>();
            item.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("AbsoluteTime", "Content", "ContentType", "Id", "Type", "ParticipantId",
                    "DisplayName", "ParticipantRole", "InitialContactId", "ContactId");
            assertThat(item.get("Id").asText()).isEqualTo(sent.id());
            assertThat(item.get("Content").asText()).isEqualTo("Hello Jane");
            assertThat(item.get("ContactId").asText()).isEqualTo(chat.contactId());
            assertThat(item.get("InitialContactId").asText()).isEqualTo(chat.contactId());
            assertThat(chat.openWebSockets()).isEqualTo(1);
        }
    }

    @Test
    void theSendersOwnMessagesAndEventsArePushedToo() throws IOException {
        try (WsProbe ws = subscribed()) {
            String token = connection().connectionCredentials().connectionToken();
            client.sendMessage(SendMessageRequest.builder().connectionToken(token).contentType("text/plain")
                    .content("mine").build()).block();
            assertThat(JSON.readTree(JSON.readTree(ws.next()).get("content").asText()).get("Content").asText())
                    .isEqualTo("mine");
            chat.agent().sendEvent("application/vnd.amazonaws.connect.event.typing");
            assertThat(ws.next()).contains("event.typing");
            chat.end();
            assertThat(ws.next()).contains("event.chat.ended");
        }
    }

    @Test
    void answersHeartbeatsPingsAndUnknownTopics() {
        try (WsProbe ws = subscribed()) {
            ws.send("{\"topic\":\"aws/heartbeat\"}");
            assertThat(ws.next()).isEqualTo("{\"topic\":\"aws/heartbeat\"}");
            ws.send("{\"topic\":\"aws/ping\"}");
            assertThat(ws.next()).contains("\"statusCode\":200");
            ws.send("{\"topic\":\"nope\"}");
            assertThat(ws.next()).startsWith("{\"message\": \"Forbidden\", \"connectionId\":\"");
        }
    }

    @Test
    void nothingIsPushedBeforeTheSubscription() throws InterruptedException {
        try (WsProbe ws = WsProbe.open(connection().websocket().url())) {
            chat.agent().sendMessage("too early");
            assertThat(ws.poll(300)).isNull();
        }
    }

    @Test
    void heartbeatsCanGoUnanswered() throws InterruptedException {
        try (WsProbe ws = subscribed()) {
            chat.faults().stopAnsweringHeartbeats(true);
            ws.send("{\"topic\":\"aws/heartbeat\"}");
            assertThat(ws.poll(300)).isNull();
            chat.faults().stopAnsweringHeartbeats(false);
            ws.send("{\"topic\":\"aws/heartbeat\"}");
            assertThat(ws.next()).isEqualTo("{\"topic\":\"aws/heartbeat\"}");
        }
    }

    @Test
    void subscriptionsCanBeRejected() {
        emulator.faults().rejectSubscriptions(true);
        try (WsProbe ws = WsProbe.open(connection().websocket().url()).send(SUBSCRIBE)) {
            assertThat(ws.next()).contains("\"status\":\"failure\"");
        }
    }

    @Test
    void socketsCanBeDroppedAbruptlyOrClosed() throws InterruptedException {
        WsProbe a = subscribed();
        WsProbe b = subscribed();
        assertThat(chat.openWebSockets()).isEqualTo(2);
        chat.faults().dropWebSockets();
        assertThat(a.awaitClosed()).isTrue();
        assertThat(b.awaitClosed()).isTrue();
        WsProbe c = subscribed();
        emulator.faults().closeWebSockets();
        assertThat(c.awaitClosed()).isTrue();
        a.close();
        b.close();
        c.close();
    }

    @Test
    void anExpiredUrlCannotBeOpened() throws InterruptedException {
        String url = connection().websocket().url();
        emulator.faults().expireWebSocketUrls();
        WsProbe ws = WsProbe.open(url);
        assertThat(ws.awaitClosed()).isTrue();
        assertThat(ws.failure()).isNotNull().hasMessageContaining("403");
        ws.close();
    }

    @Test
    void socketsLiveOnlyAsLongAsConfigured() throws InterruptedException {
        try (ParticipantEmulator shortLived = ParticipantEmulator.builder()
                .webSocketLifetime(Duration.ofMillis(200)).start()) {
            EmulatedChat c = shortLived.startChat();
            ParticipantClient other = ParticipantClient.builder().endpoint(shortLived.endpoint()).build();
            String url = other.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                    .participantToken(c.participantToken()).build()).block().websocket().url();
            WsProbe ws = WsProbe.open(url).send(SUBSCRIBE);
            assertThat(ws.awaitClosed()).isTrue();
            ws.close();
        }
    }
}
