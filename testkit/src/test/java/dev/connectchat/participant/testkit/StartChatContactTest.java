package dev.connectchat.participant.testkit;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.StartChatContactResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bridge starts its chats with Amazon Connect's StartChatContact (the AWS SDK's {@code connect} client, signed
 * with SigV4); against the emulator that works as against Connect, and the participant token it answers works
 * with the participant API.
 */
class StartChatContactTest {

    @Test
    void theAwsSdksConnectClientStartsAChatWhoseTokenWorks() {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ConnectClient connect = ConnectClient.builder().endpointOverride(emulator.endpoint())
                     .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-checked")))
                     .build();
             ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build()) {
            StartChatContactResponse started = connect.startChatContact(b -> b.instanceId("instance-1")
                    .contactFlowId("flow-1").participantDetails(p -> p.displayName("Jane"))
                    .initialMessage(m -> m.contentType("text/plain").content("Hi, I need help")));

            EmulatedChat chat = emulator.chat(started.contactId()).orElseThrow();
            assertThat(started.participantId()).isEqualTo(chat.customerParticipantId());
            assertThat(started.participantToken()).isEqualTo(chat.participantToken());
            assertThat(chat.transcript()).anySatisfy(i -> assertThat(i.content()).isEqualTo("Hi, I need help"));
            CreateParticipantConnectionResponse connection = client.createParticipantConnection(
                    r -> r.participantToken(started.participantToken())).block(Duration.ofSeconds(10));
            assertThat(connection.connectionCredentials().connectionToken()).isNotBlank();

            assertThatThrownBy(() -> connect.startChatContact(b -> b.instanceId("instance-1")
                    .participantDetails(p -> p.displayName("Jane"))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ContactFlowId");
        }
    }
}
