package dev.connectchat.participant;

import dev.connectchat.participant.model.CancelParticipantAuthenticationRequest;
import dev.connectchat.participant.model.CompleteAttachmentUploadRequest;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.DescribeViewRequest;
import dev.connectchat.participant.model.DisconnectParticipantRequest;
import dev.connectchat.participant.model.GetAttachmentRequest;
import dev.connectchat.participant.model.GetAuthenticationUrlRequest;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.ScanDirection;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SortKey;
import dev.connectchat.participant.model.StartAttachmentUploadRequest;
import dev.connectchat.participant.model.StartPosition;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantClient;


import java.time.Instant;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on the wire for every operation, with only the required members and with all of them: the
 * method, the path, the bearer header, the content type, and the body byte for byte as the official AWS SDK
 * for Java v2 sends it for the same call (its idempotency tokens fixed to ours).
 */
class WireFormatTest {
    private static final String TOKEN = "connection-token-abc";
    private static final String CLIENT_TOKEN = "0b3f8a7e-6b7e-4c38-9a29-1f7f2d9a4c11";

    static CaptureServer server;
    static ParticipantClient client;
    static ConnectParticipantClient sdk;

    @BeforeAll
    static void start() {
        server = CaptureServer.start();
        client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none()).build();
        sdk = ConnectParticipantClient.builder()
                .endpointOverride(server.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        server.close();
    }

    @Test
    void sendMessage() {
        Recorded ours = send(() -> client.sendMessage(SendMessageRequest.builder().connectionToken(TOKEN)
                .contentType("text/plain").content("Hello \"agent\" ✓").clientToken(CLIENT_TOKEN).build()).block());
        Recorded theirs = sdk(() -> sdk.sendMessage(r -> r.connectionToken(TOKEN)
                .contentType("text/plain").content("Hello \"agent\" ✓").clientToken(CLIENT_TOKEN)));
        assertSame(ours, theirs, "POST", "/participant/message");
        assertThat(ours.text()).isEqualTo("{\"ContentType\":\"text/plain\",\"Content\":\"Hello \\\"agent\\\" ✓\","
                + "\"ClientToken\":\"" + CLIENT_TOKEN + "\"}");
    }

    @Test
    void sendMessageOfEveryKindOfCharacter() {
        StringBuilder text = new StringBuilder("quotes \" back \\ slash / ");
        for (char c = 0; c < 0x20; c++) {
            text.append(c);
        }
        text.append("\u007f é ✓ \u2028 \uFFFF emoji 😀 clef \uD834\uDD1E end");
        String content = text.toString();
        Recorded ours = send(() -> client.sendMessage(SendMessageRequest.builder().connectionToken(TOKEN)
                .contentType("text/plain").content(content).clientToken(CLIENT_TOKEN).build()).block());
        Recorded theirs = sdk(() -> sdk.sendMessage(r -> r.connectionToken(TOKEN)
                .contentType("text/plain").content(content).clientToken(CLIENT_TOKEN)));
        assertSame(ours, theirs, "POST", "/participant/message");
        String event = "application/vnd.amazonaws.connect.event.typing";
        assertSame(send(() -> client.sendEvent(SendEventRequest.builder().connectionToken(TOKEN).contentType(event)
                        .content(content).clientToken(CLIENT_TOKEN).build()).block()),
                sdk(() -> sdk.sendEvent(r -> r.connectionToken(TOKEN).contentType(event).content(content)
                        .clientToken(CLIENT_TOKEN))),
                "POST", "/participant/event");
    }

    @Test
    void sendMessageFillsTheClientToken() {
        Recorded ours = send(() -> client.sendMessage(SendMessageRequest.builder().connectionToken(TOKEN)
                .contentType("text/plain").content("hi").build()).block());
        assertThat(ours.text()).matches("\\{\"ContentType\":\"text/plain\",\"Content\":\"hi\","
                + "\"ClientToken\":\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"}");
    }

    @Test
    void sendEvent() {
        String type = "application/vnd.amazonaws.connect.event.message.read";
        assertSame(send(() -> client.sendEvent(SendEventRequest.builder().connectionToken(TOKEN).contentType(type)
                        .clientToken(CLIENT_TOKEN).build()).block()),
                sdk(() -> sdk.sendEvent(r -> r.connectionToken(TOKEN).contentType(type).clientToken(CLIENT_TOKEN))),
                "POST", "/participant/event");
        assertSame(send(() -> client.sendEvent(SendEventRequest.builder().connectionToken(TOKEN).contentType(type)
                        .content("{\"messageId\":\"m-1\"}").clientToken(CLIENT_TOKEN).build()).block()),
                sdk(() -> sdk.sendEvent(r -> r.connectionToken(TOKEN).contentType(type)
                        .content("{\"messageId\":\"m-1\"}").clientToken(CLIENT_TOKEN))),
                "POST", "/participant/event");
    }

    @Test
    void createParticipantConnection() {
        Recorded minimal = send(() -> client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                .participantToken(TOKEN).build()).block());
        assertThat(minimal.text()).isEqualTo("{}");
        assertSame(minimal, sdk(() -> sdk.createParticipantConnection(r -> r.participantToken(TOKEN))),
                "POST", "/participant/connection");
        assertSame(send(() -> client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(TOKEN).type(ConnectionType.WEBSOCKET, ConnectionType.CONNECTION_CREDENTIALS)
                        .connectParticipant(true).build()).block()),
                sdk(() -> sdk.createParticipantConnection(r -> r.participantToken(TOKEN)
                        .typeWithStrings("WEBSOCKET", "CONNECTION_CREDENTIALS").connectParticipant(true))),
                "POST", "/participant/connection");
    }

    @Test
    void disconnectParticipant() {
        assertSame(send(() -> client.disconnectParticipant(DisconnectParticipantRequest.builder()
                        .connectionToken(TOKEN).clientToken(CLIENT_TOKEN).build()).block()),
                sdk(() -> sdk.disconnectParticipant(r -> r.connectionToken(TOKEN).clientToken(CLIENT_TOKEN))),
                "POST", "/participant/disconnect");
    }

    @Test
    void getTranscript() {
        assertSame(send(() -> client.getTranscript(GetTranscriptRequest.builder().connectionToken(TOKEN).build()).block()),
                sdk(() -> sdk.getTranscript(r -> r.connectionToken(TOKEN))),
                "POST", "/participant/transcript");
        Instant at = Instant.parse("2019-11-08T02:41:28.172Z");
        Recorded all = send(() -> client.getTranscript(GetTranscriptRequest.builder().connectionToken(TOKEN)
                .contactId("c-1").maxResults(15).nextToken("next-1").scanDirection(ScanDirection.FORWARD)
                .sortOrder(SortKey.ASCENDING)
                .startPosition(StartPosition.builder().id("i-1").absoluteTime(at).mostRecent(3).build())
                .build()).block());
        assertSame(all, sdk(() -> sdk.getTranscript(r -> r.connectionToken(TOKEN).contactId("c-1").maxResults(15)
                        .nextToken("next-1").scanDirection("FORWARD").sortOrder("ASCENDING")
                        .startPosition(p -> p.id("i-1").absoluteTime("2019-11-08T02:41:28.172Z").mostRecent(3)))),
                "POST", "/participant/transcript");
        assertThat(all.text()).contains("\"AbsoluteTime\":\"2019-11-08T02:41:28.172Z\"");
    }

    @Test
    void attachments() {
        assertSame(send(() -> client.startAttachmentUpload(StartAttachmentUploadRequest.builder().connectionToken(TOKEN)
                        .contentType("image/png").attachmentSizeInBytes(12345L).attachmentName("a.png")
                        .clientToken(CLIENT_TOKEN).build()).block()),
                sdk(() -> sdk.startAttachmentUpload(r -> r.connectionToken(TOKEN).contentType("image/png")
                        .attachmentSizeInBytes(12345L).attachmentName("a.png").clientToken(CLIENT_TOKEN))),
                "POST", "/participant/start-attachment-upload");
        assertSame(send(() -> client.completeAttachmentUpload(CompleteAttachmentUploadRequest.builder()
                        .connectionToken(TOKEN).attachmentIds("att-1").clientToken(CLIENT_TOKEN).build()).block()),
                sdk(() -> sdk.completeAttachmentUpload(r -> r.connectionToken(TOKEN).attachmentIds("att-1")
                        .clientToken(CLIENT_TOKEN))),
                "POST", "/participant/complete-attachment-upload");
        assertSame(send(() -> client.getAttachment(GetAttachmentRequest.builder().connectionToken(TOKEN)
                        .attachmentId("att-1").build()).block()),
                sdk(() -> sdk.getAttachment(r -> r.connectionToken(TOKEN).attachmentId("att-1"))),
                "POST", "/participant/attachment");
        assertSame(send(() -> client.getAttachment(GetAttachmentRequest.builder().connectionToken(TOKEN)
                        .attachmentId("att-1").urlExpiryInSeconds(60).build()).block()),
                sdk(() -> sdk.getAttachment(r -> r.connectionToken(TOKEN).attachmentId("att-1").urlExpiryInSeconds(60))),
                "POST", "/participant/attachment");
    }

    @Test
    void newerOperations() {
        Recorded view = send(() -> client.describeView(DescribeViewRequest.builder().connectionToken(TOKEN)
                .viewToken("view/tok en+1").build()).block());
        assertSame(view, sdk(() -> sdk.describeView(r -> r.connectionToken(TOKEN).viewToken("view/tok en+1"))),
                "GET", "/participant/views/view%2Ftok%20en%2B1");
        assertThat(view.headers().get("Content-Type")).isNull();
        String session = "12345678-1234-1234-1234-123456789012";
        assertSame(send(() -> client.getAuthenticationUrl(GetAuthenticationUrlRequest.builder().connectionToken(TOKEN)
                        .sessionId(session).redirectUri("https://example.com/back").build()).block()),
                sdk(() -> sdk.getAuthenticationUrl(r -> r.connectionToken(TOKEN).sessionId(session)
                        .redirectUri("https://example.com/back"))),
                "POST", "/participant/authentication-url");
        assertSame(send(() -> client.cancelParticipantAuthentication(CancelParticipantAuthenticationRequest.builder()
                        .connectionToken(TOKEN).sessionId(session).build()).block()),
                sdk(() -> sdk.cancelParticipantAuthentication(r -> r.connectionToken(TOKEN).sessionId(session))),
                "POST", "/participant/cancel-authentication");
    }

    @Test
    void headersOfEveryCall() {
        Recorded r = send(() -> client.sendMessage(SendMessageRequest.builder().connectionToken(TOKEN)
                .contentType("text/plain").content("hi").build()).block());
        assertThat(r.headers().get("X-Amz-Bearer")).isEqualTo(TOKEN);
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.headers().get("Content-Length")).isEqualTo(String.valueOf(r.body().length));
        assertThat(r.headers().get("Transfer-Encoding")).isNull();
        assertThat(r.headers().get("User-Agent")).startsWith("connectchat/");
        assertThat(r.headers().get("Authorization")).as("unsigned by default").isNull();
        assertThat(r.text()).doesNotContain(TOKEN);
    }

    private static Recorded send(Supplier<?> call) {
        call.get();
        return server.take();
    }

    private static Recorded sdk(Runnable call) {
        call.run();
        return server.take();
    }

    private static void assertSame(Recorded ours, Recorded theirs, String method, String path) {
        assertThat(ours.method()).isEqualTo(method);
        assertThat(theirs.method()).isEqualTo(method);
        assertThat(ours.uri()).isEqualTo(path);
        assertThat(theirs.uri()).isEqualTo(path);
        assertThat(ours.text()).as("body, byte for byte as the AWS SDK sends it").isEqualTo(theirs.text());
        assertThat(ours.headers().get("X-Amz-Bearer")).isEqualTo(theirs.headers().get("X-Amz-Bearer")).isEqualTo(TOKEN);
        assertThat(ours.headers().get("Content-Type")).isEqualTo(theirs.headers().get("Content-Type"));
        assertThat(ours.text()).doesNotContain(TOKEN);
    }

}
