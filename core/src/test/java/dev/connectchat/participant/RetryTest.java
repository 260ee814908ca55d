package dev.connectchat.participant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Recorded;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries against a real (in-process) server: what is retried, how often, and that every retry re-sends the
 * same request with the same idempotency token. Backoffs are shortened here; their sizes and the virtual-time
 * behaviour are covered by {@code PolicyRetryTest}.
 */
class RetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = "{\"Id\":\"m-1\",\"AbsoluteTime\":\"2024-01-01T00:00:00.000Z\"}";

    CaptureServer server;

    @BeforeEach
    void start() {
        server = CaptureServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ParticipantClient client(RetryPolicy policy) {
        return ParticipantClient.builder().endpoint(server.uri()).retryPolicy(policy).build();
    }

    private static RetryPolicy fast() {
        return RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).throttlingBaseDelay(Duration.ofMillis(1)).build();
    }

    @Test
    void throttlingIsRetriedWithTheSameIdempotencyToken() {
        server.enqueue(throttled(), throttled(), Reply.json(200, OK));
        StepVerifier.create(send(client(fast())))
                .assertNext(r -> assertThat(r.id()).isEqualTo("m-1"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        List<Recorded> attempts = List.of(server.take(), server.take(), server.take());
        assertThat(attempts).extracting(RetryTest::clientToken).doesNotContainNull().containsOnly(clientToken(attempts.get(0)));
        assertThat(attempts).extracting(Recorded::text).containsOnly(attempts.get(0).text());
        assertThat(server.pending()).isZero();
    }

    @Test
    void everySubscriptionIsANewCallWithANewToken() {
        Mono<SendMessageResponse> call = send(client(fast()));
        server.otherwise(r -> Reply.json(200, OK));
        call.block(Duration.ofSeconds(10));
        call.block(Duration.ofSeconds(10));
        assertThat(clientToken(server.take())).isNotEqualTo(clientToken(server.take()));
    }

    @Test
    void serverErrorsAreRetriedUpToThreeAttemptsInAll() {
        server.otherwise(r -> Reply.json(503, "{\"message\":\"unavailable\"}"));
        StepVerifier.create(send(client(fast())))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ParticipantServiceException.class)
                        .extracting(x -> ((ParticipantServiceException) x).statusCode()).isEqualTo(503))
                .verify(Duration.ofSeconds(10));
        assertThat(server.drain()).hasSize(3);
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        server.otherwise(r -> Reply.of(400, Map.of("x-amzn-ErrorType", "ValidationException"), "{}"));
        StepVerifier.create(send(client(fast())))
                .expectError(ValidationException.class)
                .verify(Duration.ofSeconds(10));
        server.otherwise(r -> Reply.of(403, Map.of("x-amzn-ErrorType", "AccessDeniedException"), "{}"));
        StepVerifier.create(send(client(fast())))
                .expectError(AccessDeniedException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(server.drain()).hasSize(2);
    }

    @Test
    void retriesCanBeTurnedOff() {
        server.otherwise(r -> throttled());
        StepVerifier.create(send(client(RetryPolicy.none())))
                .expectError(ThrottlingException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(server.drain()).hasSize(1);
    }

    @Test
    void theRetryBudgetStopsRetriesWhenMostCallsFail() {
        // room for two retries in all: the first call retries twice, the next ones not at all
        ParticipantClient client = client(fast().toBuilder().retryBudget(10, 5).build());
        server.otherwise(r -> Reply.json(500, "{}"));
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(send(client)).expectError(ParticipantServiceException.class).verify(Duration.ofSeconds(10));
        }
        assertThat(server.drain()).hasSize(3 + 1 + 1);
    }

    @Test
    void aClosedConnectionIsATransportFailureAndIsRetried() {
        server.enqueue(Reply.closeConnection(), Reply.json(200, OK));
        StepVerifier.create(send(client(fast())))
                .assertNext(r -> assertThat(r.id()).isEqualTo("m-1"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(clientToken(server.take())).isEqualTo(clientToken(server.take()));

        server.enqueue(Reply.closeConnection());
        StepVerifier.create(send(client(RetryPolicy.none())))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ParticipantTransportException.class);
                    assertThat(((ParticipantTransportException) e).kind()).isEqualTo(ParticipantTransportException.Kind.CLOSED);
                    assertThat(((ParticipantTransportException) e).isRetryable()).isTrue();
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aMissingResponseTimesOut() {
        server.enqueue(Reply.never());
        ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none())
                .responseTimeout(Duration.ofMillis(300)).build();
        StepVerifier.create(send(client))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ParticipantTransportException.class)
                        .extracting(x -> ((ParticipantTransportException) x).kind())
                        .isEqualTo(ParticipantTransportException.Kind.TIMEOUT))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aRefusedConnectionIsATransportFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ParticipantClient client = ParticipantClient.builder().endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .retryPolicy(fast()).build();
        StepVerifier.create(send(client))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ParticipantTransportException.class);
                    assertThat(((ParticipantTransportException) e).kind()).isEqualTo(ParticipantTransportException.Kind.CONNECT);
                    assertThat(e.getMessage()).contains("SendMessage");
                })
                .verify(Duration.ofSeconds(10));
    }

    private static Reply throttled() {
        return Reply.of(429, Map.of("x-amzn-ErrorType", "ThrottlingException"), "{\"message\":\"Rate exceeded\"}");
    }

    private static Mono<SendMessageResponse> send(ParticipantClient client) {
        return client.sendMessage(SendMessageRequest.builder().connectionToken("tok").contentType("text/plain")
                .content("hello").build());
    }

    private static String clientToken(Recorded r) {
        try {
            JsonNode token = JSON.readTree(r.body()).get("ClientToken");
            return token == null ? null : token.asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
