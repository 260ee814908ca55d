package dev.connectchat.participant;

import dev.connectchat.participant.model.GetAttachmentRequest;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import dev.connectchat.participant.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With every logger at DEBUG and the redacting wiretap on, the traffic is logged but no bearer token,
 * signature or credential is; endpoints that would need a resolver never pass as loopback.
 */
@Isolated
class SecretsInLogsTest {
    private static final String TOKEN = "SECRET-CONNECTION-TOKEN-4711";
    private static final String SIGNATURE = "0123456789abcdef0123456789abcdef";

    @Test
    void theRedactingWiretapLogsTrafficWithoutSecrets() {
        List<String> lines;
        try (CaptureServer server = CaptureServer.start(); LogCapture logs = LogCapture.everything()) {
            server.otherwise(r -> r.path().equals("/participant/attachment")
                    ? Reply.json(200, "{\"Url\":\"https://bucket.example/a?X-Amz-Signature=" + SIGNATURE
                    + "&X-Amz-Credential=AKIAEXAMPLE%2F20260101\",\"UrlExpiry\":\"2026-01-01T00:00:00.000Z\"}")
                    : Reply.json(200, "{\"Id\":\"m1\",\"AbsoluteTime\":\"2026-01-01T00:00:00.000Z\"}"));
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).wiretap(true).build();
            client.sendMessage(SendMessageRequest.builder().connectionToken(TOKEN).contentType("text/plain")
                    .content("hello").build()).block(Duration.ofSeconds(10));
            client.getAttachment(GetAttachmentRequest.builder().connectionToken(TOKEN).attachmentId("a1").build())
                    .block(Duration.ofSeconds(10));
            lines = logs.lines();
        }
        assertThat(lines).as("the wiretap logged the exchange")
                .anyMatch(l -> l.startsWith("dev.connectchat.participant.wiretap") && l.contains("/participant/message"))
                .anyMatch(l -> l.contains("\"Url\":\"*** redacted ***"))
                .anyMatch(l -> l.contains("X-Amz-Bearer"));
        assertThat(lines).noneMatch(l -> l.contains(TOKEN)).noneMatch(l -> l.contains(SIGNATURE))
                .noneMatch(l -> l.contains("AKIAEXAMPLE"));
    }

    @Test
    void hostsThatNeedAResolverAreNotLoopback() {
        for (String endpoint : new String[]{"http://a:8080", "http://127.1:8", "http://0x7f000001:8", "http://1:5",
                "http://abc:9"}) {
            assertThatThrownBy(() -> ParticipantClient.builder().endpoint(URI.create(endpoint)).build())
                    .as(endpoint).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(endpoint);
        }
        for (String endpoint : new String[]{"http://127.0.0.1:8", "http://[::1]:8", "http://localhost:9",
                "http://127.0.0.2:1"}) {
            assertThat(ParticipantClient.builder().endpoint(URI.create(endpoint)).build()).isNotNull();
        }
    }

    @Test
    void aLoopbackEndpointWithAOneDigitPortIsConnectedToNotLookedUp() {
        // nothing listens on port 9 of the loopback: the call must fail to connect, not to resolve a name
        for (String endpoint : new String[]{"http://127.0.0.1:9", "http://[::1]:9"}) {
            ParticipantClient client = ParticipantClient.builder().endpoint(URI.create(endpoint))
                    .retryPolicy(RetryPolicy.none()).build();
            reactor.test.StepVerifier.create(client.sendMessage(SendMessageRequest.builder().connectionToken(TOKEN)
                            .contentType("text/plain").content("x").build()))
                    .expectErrorSatisfies(e -> assertThat(e).as(endpoint).isInstanceOf(ParticipantTransportException.class)
                            .hasMessageNotContaining("UnknownHost")
                            .hasRootCauseInstanceOf(java.net.ConnectException.class))
                    .verify(Duration.ofSeconds(20));
        }
    }
}
