package dev.connectchat.participant.testkit;

import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.SendMessageRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Start, concurrency, bounded memory and close. */
class EmulatorLifecycleTest {

    @Test
    void closeFreesThePortAndEverySocket() throws IOException, InterruptedException {
        ParticipantEmulator emulator = ParticipantEmulator.start();
        int port = emulator.endpoint().getPort();
        EmulatedChat chat = emulator.startChat();
        ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        String url = client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                .participantToken(chat.participantToken()).build()).block().websocket().url();
        WsProbe ws = WsProbe.open(url).send("{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}");
        ws.next();
        emulator.close();
        assertThat(ws.awaitClosed()).as("open sockets are closed").isTrue();
        ws.close();
        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void concurrentSendsAreAllStoredWithUniqueIds() {
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            EmulatedChat chat = emulator.startChat();
            ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
            String token = client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                    .participantToken(chat.participantToken()).build()).block().connectionCredentials().connectionToken();
            List<String> ids = Flux.range(0, 500)
                    .flatMap(i -> client.sendMessage(SendMessageRequest.builder().connectionToken(token)
                            .contentType("text/plain").content("m" + i).build()), 64)
                    .map(r -> r.id()).collectList().block(Duration.ofSeconds(30));
            assertThat(ids).hasSize(500).doesNotHaveDuplicates();
            List<Item> stored = chat.transcript();
            assertThat(stored).hasSize(501);
            assertThat(stored).extracting(Item::absoluteTime).isSorted();
        }
    }

    @Test
    void aChatKeepsABoundedTranscript() {
        for (int cap : new int[]{5, 16, 50}) {
            try (ParticipantEmulator emulator = ParticipantEmulator.builder().maxTranscriptItems(cap).start()) {
                EmulatedChat chat = emulator.startChat();
                for (int i = 0; i < 200; i++) {
                    chat.agent().sendMessage("m" + i);
                }
                List<Item> kept = chat.transcript();
                assertThat(kept).hasSize(cap);
                assertThat(kept).extracting(Item::content)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(200 - cap, 200)
                                .mapToObj(i -> "m" + i).toList());
                ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
                String token = client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(chat.participantToken()).build()).block().connectionCredentials()
                        .connectionToken();
                assertThat(client.transcript(dev.connectchat.participant.model.GetTranscriptRequest.builder()
                        .connectionToken(token).maxResults(3).build()).map(Item::content).collectList().block())
                        .hasSize(cap).first().isEqualTo("m199");
            }
        }
    }

    @Test
    void aSocketThatStopsReadingIsCutOffInsteadOfBufferingWithoutEnd() throws Exception {
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            EmulatedChat chat = emulator.startChat();
            ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
            java.net.URI url = java.net.URI.create(client.createParticipantConnection(
                    CreateParticipantConnectionRequest.builder().participantToken(chat.participantToken()).build())
                    .block().websocket().url());
            // a client that subscribes, then never reads again
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", url.getPort())) {
                socket.setReceiveBufferSize(4096);
                java.io.OutputStream out = socket.getOutputStream();
                out.write(("GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                // wait for the 101 before the first frame, as a WebSocket client must
                java.io.InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        throw new AssertionError("the handshake was refused: " + head);
                    }
                    head.append((char) b);
                }
                assertThat(head.toString()).startsWith("HTTP/1.1 101");
                byte[] subscribe = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] frame = new byte[6 + subscribe.length];
                frame[0] = (byte) 0x81;
                frame[1] = (byte) (0x80 | subscribe.length);
                System.arraycopy(subscribe, 0, frame, 6, subscribe.length); // mask key 0: payload as is
                out.write(frame);
                out.flush();
                Awaits.until(() -> chat.openWebSockets() == 1);
                String big = "x".repeat(1000);
                for (int i = 0; i < 20_000 && chat.openWebSockets() == 1; i++) {
                    chat.agent().sendMessage("application/json", "{\"pad\":\"" + big + "\"}");
                }
                Awaits.until(() -> chat.openWebSockets() == 0);
            }
        }
    }

    @Test
    void startsInMilliseconds() {
        // not a timing assertion: many emulators can start and stop in one test run without trouble
        for (int i = 0; i < 20; i++) {
            try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
                assertThat(emulator.startChat().participantToken()).isNotBlank();
            }
        }
    }
}
