package dev.connectchat.participant;

import dev.connectchat.participant.model.CancelParticipantAuthenticationRequest;
import dev.connectchat.participant.model.DescribeViewRequest;
import dev.connectchat.participant.model.GetAttachmentRequest;
import dev.connectchat.participant.model.GetAuthenticationUrlRequest;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constraints that are not in the 2018 model file: those of the newer operations and members, and the
 * per-content-type limits and accepted content types docs/protocol.md states.
 */
class NewerConstraintsTest {
    static CaptureServer server;
    static ParticipantClient client;

    @BeforeAll
    static void start() {
        server = CaptureServer.start();
        client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "text/plain, 1024",
            "text/markdown, 1024",
            "application/json, 12000",
            "application/vnd.amazonaws.connect.message.interactive.response, 12288",
    })
    void messageContentLimitsPerContentType(String contentType, int limit) {
        ok(client.sendMessage(message(contentType, "a".repeat(limit))));
        invalid(client.sendMessage(message(contentType, "a".repeat(limit + 1))), "SendMessage", "Content",
                "1.." + limit);
    }

    @Test
    void lengthsCountCodePointsNotChars() {
        ok(client.sendMessage(message("text/plain", "😀".repeat(1024))));
    }

    @Test
    void onlyTheContentTypesTheServiceAcceptsAreSent() {
        invalid(client.sendMessage(message("application/vnd.amazonaws.connect.message.interactive", "{}")),
                "SendMessage", "ContentType", "one of");
        invalid(client.sendEvent(SendEventRequest.builder().connectionToken("t")
                        .contentType("application/vnd.amazonaws.connect.event.chat.ended").build()),
                "SendEvent", "ContentType", "one of");
        ok(client.sendEvent(SendEventRequest.builder().connectionToken("t")
                .contentType("application/vnd.amazonaws.connect.event.message.delivered")
                .content("{\"messageId\":\"m\"}").build()));
    }

    @Test
    void newerMembersAndOperations() {
        invalid(client.getAttachment(GetAttachmentRequest.builder().connectionToken("t").attachmentId("a")
                .urlExpiryInSeconds(4).build()), "GetAttachment", "UrlExpiryInSeconds", "between 5 and 300");
        invalid(client.getAttachment(GetAttachmentRequest.builder().connectionToken("t").attachmentId("a")
                .urlExpiryInSeconds(301).build()), "GetAttachment", "UrlExpiryInSeconds", "between 5 and 300");
        invalid(client.describeView(DescribeViewRequest.builder().connectionToken("t").viewToken("").build()),
                "DescribeView", "ViewToken", "1..1000");
        invalid(client.describeView(DescribeViewRequest.builder().connectionToken("t").viewToken("v".repeat(1001))
                .build()), "DescribeView", "ViewToken", "1..1000");
        invalid(client.describeView(DescribeViewRequest.builder().viewToken("v").build()),
                "DescribeView", "ConnectionToken", "required");
        invalid(client.getAuthenticationUrl(GetAuthenticationUrlRequest.builder().connectionToken("t")
                .sessionId("s".repeat(35)).redirectUri("https://x").build()), "GetAuthenticationUrl", "SessionId",
                "exactly 36");
        invalid(client.getAuthenticationUrl(GetAuthenticationUrlRequest.builder().connectionToken("t")
                .sessionId("s".repeat(36)).redirectUri("r".repeat(1025)).build()), "GetAuthenticationUrl",
                "RedirectUri", "1..1024");
        invalid(client.getAuthenticationUrl(GetAuthenticationUrlRequest.builder().connectionToken("t")
                .sessionId("s".repeat(36)).build()), "GetAuthenticationUrl", "RedirectUri", "required");
        invalid(client.cancelParticipantAuthentication(CancelParticipantAuthenticationRequest.builder()
                .connectionToken("t").sessionId("s".repeat(37)).build()), "CancelParticipantAuthentication",
                "SessionId", "exactly 36");
        invalid(client.sendMessage((dev.connectchat.participant.model.SendMessageRequest) null), "SendMessage", "request", "required");
    }

    private static SendMessageRequest message(String contentType, String content) {
        return SendMessageRequest.builder().connectionToken("t").contentType(contentType).content(content).build();
    }

    private static void ok(Mono<?> call) {
        server.drain();
        call.block(Duration.ofSeconds(10));
        assertThat(server.drain()).hasSize(1);
    }

    private static void invalid(Mono<?> call, String operation, String member, String rule) {
        server.drain();
        StepVerifier.create(call)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(InvalidRequestException.class);
                    InvalidRequestException invalid = (InvalidRequestException) e;
                    assertThat(invalid.operation()).isEqualTo(operation);
                    assertThat(invalid.member()).isEqualTo(member);
                    assertThat(invalid.rule()).contains(rule);
                })
                .verify(Duration.ofSeconds(10));
        assertThat(server.pending()).isZero();
    }
}
