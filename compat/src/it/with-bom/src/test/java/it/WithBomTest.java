package it;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatPosition;
import dev.connectchat.participant.websocket.ChatSession;
import io.netty.util.Version;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantAsyncClient;
import software.amazon.awssdk.services.connectparticipant.model.ConnectionType;
import software.amazon.awssdk.services.connectparticipant.model.CreateParticipantConnectionResponse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same project with connectchat-bom imported first: one Netty, 4.2, and both clients work on it. */
class WithBomTest {

    @Test
    void everyNettyJarIs42() {
        Version.identify().forEach((artifact, version) -> {
            if (!artifact.startsWith("netty-tcnative")) {
                assertTrue(version.artifactVersion().startsWith("4.2."), artifact + " " + version.artifactVersion());
            }
        });
    }

    @Test
    void aChatWorksAndTheAwsSdksNettyClientToo() throws Exception {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build()) {
            EmulatedChat chat = emulator.startChat("Jane");
            ChatSession session = ChatSession.connect(client, chat.participantToken()).block(Duration.ofSeconds(30));
            chat.agent().sendMessage("hello from the agent");
            ChatItem.Message message = session.items(ChatPosition.START).ofType(ChatItem.Message.class)
                    .blockFirst(Duration.ofSeconds(30));
            assertEquals("hello from the agent", message.content());
            session.close();

            // the AWS SDK's own async client, on its default (Netty) HTTP client, now on Netty 4.2
            try (ConnectParticipantAsyncClient sdk = ConnectParticipantAsyncClient.builder()
                    .endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                CreateParticipantConnectionResponse answer = sdk.createParticipantConnection(b -> b
                        .participantToken(chat.participantToken()).type(ConnectionType.CONNECTION_CREDENTIALS))
                        .get(30, TimeUnit.SECONDS);
                assertNotNull(answer.connectionCredentials().connectionToken());
            }
        }
    }
}
