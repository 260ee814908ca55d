package dev.connectchat.participant;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.connectchat.participant.model.Attendee;
import dev.connectchat.participant.model.ConnectionCredentials;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import dev.connectchat.participant.model.GetAttachmentResponse;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.UploadMetadata;
import dev.connectchat.participant.model.Websocket;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, credentials and URL signatures never show in toString, log lines or exception messages. */
class RedactionTest {
    private static final String SECRET = "SECRET-TOKEN-7f3a";

    @Test
    void requestsAndResponsesRedactTheirTokens() {
        String request = SendMessageRequest.builder().connectionToken(SECRET).contentType("text/plain")
                .content("hello").build().toString();
        assertThat(request).doesNotContain(SECRET).contains("hello").contains("*** redacted ***");
        assertThat(CreateParticipantConnectionRequest.builder().participantToken(SECRET).build().toString())
                .doesNotContain(SECRET);
        CreateParticipantConnectionResponse response = CreateParticipantConnectionResponse.builder()
                .connectionCredentials(ConnectionCredentials.builder().connectionToken(SECRET).build())
                .websocket(Websocket.builder().url("wss://host/connect?X-Amz-Security-Token=" + SECRET).build())
                .build();
        assertThat(response.toString()).doesNotContain(SECRET).contains("wss://host/connect?");
        assertThat(Attendee.builder().attendeeId("a").joinToken(SECRET).build().toString()).doesNotContain(SECRET);
        assertThat(GetAttachmentResponse.builder().url("https://s3/x?X-Amz-Signature=" + SECRET).build().toString())
                .doesNotContain(SECRET);
        assertThat(UploadMetadata.builder().url("https://s3/x?X-Amz-Signature=" + SECRET).build().toString())
                .doesNotContain(SECRET);
    }

    @Test
    void absentSecretsPrintAsNull() {
        assertThat(ConnectionCredentials.builder().build().toString()).contains("connectionToken=null");
    }

    @Test
    void logLinesAndExceptionsOfFailingCallsCarryNoToken() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.connectchat");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (CaptureServer server = CaptureServer.start()) {
            server.otherwise(r -> Reply.of(429, Map.of("x-amzn-ErrorType", "ThrottlingException"), "{\"message\":\"slow\"}"));
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri())
                    .retryPolicy(RetryPolicy.builder().throttlingBaseDelay(Duration.ofMillis(1)).build()).build();
            StepVerifier.create(client.sendMessage(SendMessageRequest.builder().connectionToken(SECRET)
                            .contentType("text/plain").content("hi").build()))
                    .expectErrorSatisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain(SECRET);
                        assertThat(e.toString()).doesNotContain(SECRET);
                    })
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(client.sendMessage(SendMessageRequest.builder().connectionToken(SECRET)
                            .contentType("text/plain").content("").build()))
                    .expectErrorSatisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET))
                    .verify(Duration.ofSeconds(10));
            assertThat(client.toString()).doesNotContain(SECRET);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).as("the retries were logged").hasSizeGreaterThanOrEqualTo(2);
        assertThat(appender.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(SECRET));
    }
}
