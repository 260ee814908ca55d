package dev.connectchat.participant.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantClient;
import software.amazon.awssdk.services.connectparticipant.model.AccessDeniedException;
import software.amazon.awssdk.services.connectparticipant.model.ConflictException;
import software.amazon.awssdk.services.connectparticipant.model.ConnectParticipantException;
import software.amazon.awssdk.services.connectparticipant.model.CreateParticipantConnectionResponse;
import software.amazon.awssdk.services.connectparticipant.model.InternalServerException;
import software.amazon.awssdk.services.connectparticipant.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectparticipant.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connectparticipant.model.StartAttachmentUploadResponse;
import software.amazon.awssdk.services.connectparticipant.model.ThrottlingException;
import software.amazon.awssdk.services.connectparticipant.model.ValidationException;

import java.net.HttpURLConnection;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official AWS SDK for Java v2 takes the emulator for the service: every operation succeeds (the SDK
 * signs every call with SigV4, which the emulator ignores as the service does), and each error the emulator
 * sends is parsed by the SDK into the matching modeled exception.
 */
class AwsSdkFidelityTest {
    static ParticipantEmulator emulator;
    static ConnectParticipantClient sdk;

    @BeforeAll
    static void start() {
        emulator = ParticipantEmulator.builder().maxAttachmentSize(100).start();
        sdk = ConnectParticipantClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        emulator.close();
    }

    private static String connect(EmulatedChat chat) {
        CreateParticipantConnectionResponse r = sdk.createParticipantConnection(c -> c
                .participantToken(chat.participantToken()).typeWithStrings("WEBSOCKET", "CONNECTION_CREDENTIALS")
                .connectParticipant(true));
        assertThat(r.websocket().url()).startsWith("ws://127.0.0.1:");
        assertThat(r.websocket().connectionExpiry()).isNotBlank();
        return r.connectionCredentials().connectionToken();
    }

    @Test
    void everyOperationSucceeds() throws Exception {
        EmulatedChat chat = emulator.startChat();
        String token = connect(chat);
        String id = sdk.sendMessage(r -> r.connectionToken(token).contentType("text/plain").content("hi")).id();
        assertThat(id).isNotBlank();
        sdk.sendEvent(r -> r.connectionToken(token).contentType("application/vnd.amazonaws.connect.event.typing"));
        assertThat(sdk.getTranscript(r -> r.connectionToken(token)).transcript())
                .anySatisfy(i -> assertThat(i.id()).isEqualTo(id));
        StartAttachmentUploadResponse start = sdk.startAttachmentUpload(r -> r.connectionToken(token)
                .contentType("text/plain").attachmentName("a.txt").attachmentSizeInBytes(3L).clientToken("c"));
        HttpURLConnection put = (HttpURLConnection) new URL(start.uploadMetadata().url()).openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        start.uploadMetadata().headersToInclude().forEach(put::setRequestProperty);
        put.getOutputStream().write("abc".getBytes());
        assertThat(put.getResponseCode()).isEqualTo(200);
        sdk.completeAttachmentUpload(r -> r.connectionToken(token).attachmentIds(start.attachmentId()).clientToken("d"));
        assertThat(sdk.getAttachment(r -> r.connectionToken(token).attachmentId(start.attachmentId()))
                .attachmentSizeInBytes()).isEqualTo(3L);
        emulator.registerView("tok", dev.connectchat.participant.model.View.builder().id("v").name("n").build());
        assertThat(sdk.describeView(r -> r.connectionToken(token).viewToken("tok")).view().id()).isEqualTo("v");
        String session = chat.requestAuthentication();
        assertThat(sdk.getAuthenticationUrl(r -> r.connectionToken(token).sessionId(session)
                .redirectUri("https://example.com")).authenticationUrl()).contains("/authenticate?");
        sdk.cancelParticipantAuthentication(r -> r.connectionToken(token).sessionId(session));
        sdk.disconnectParticipant(r -> r.connectionToken(token));
        assertThat(chat.transcript()).last().satisfies(i -> assertThat(i.contentType()).endsWith("participant.left"));
    }

    @Test
    void everyErrorIsParsedIntoItsModeledException() {
        EmulatedChat chat = emulator.startChat();
        String token = connect(chat);
        assertThatThrownBy(() -> sdk.sendMessage(r -> r.connectionToken("bad").contentType("text/plain").content("x")))
                .isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(((ConnectParticipantException) e).requestId()).isNotBlank());
        assertThatThrownBy(() -> sdk.sendMessage(r -> r.connectionToken(token).contentType("text/plain").content("")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Content");
        chat.faults().throttleNext(1);
        assertThatThrownBy(() -> sdk.sendMessage(r -> r.connectionToken(token).contentType("text/plain").content("x")))
                .isInstanceOf(ThrottlingException.class);
        chat.faults().failNext(1, 500);
        assertThatThrownBy(() -> sdk.sendMessage(r -> r.connectionToken(token).contentType("text/plain").content("x")))
                .isInstanceOf(InternalServerException.class);
        assertThatThrownBy(() -> sdk.startAttachmentUpload(r -> r.connectionToken(token).contentType("text/plain")
                .attachmentName("big.txt").attachmentSizeInBytes(101L).clientToken("e")))
                .isInstanceOf(ServiceQuotaExceededException.class);
        StartAttachmentUploadResponse start = sdk.startAttachmentUpload(r -> r.connectionToken(token)
                .contentType("text/plain").attachmentName("a.txt").attachmentSizeInBytes(3L).clientToken("f"));
        assertThatThrownBy(() -> sdk.completeAttachmentUpload(r -> r.connectionToken(token)
                .attachmentIds(start.attachmentId()).clientToken("g")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("not uploaded");
        assertThatThrownBy(() -> sdk.describeView(r -> r.connectionToken(token).viewToken("unknown")))
                .isInstanceOf(ResourceNotFoundException.class);
        chat.faults().failNext(1, 503);
        assertThatThrownBy(() -> sdk.sendMessage(r -> r.connectionToken(token).contentType("text/plain").content("x")))
                .isInstanceOf(ConnectParticipantException.class)
                .satisfies(e -> assertThat(((ConnectParticipantException) e).statusCode()).isEqualTo(503));
    }

}
