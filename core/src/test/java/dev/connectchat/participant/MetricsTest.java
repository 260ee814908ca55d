package dev.connectchat.participant;

import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls, outcomes, latency and retries in a Micrometer registry. */
class MetricsTest {

    @Test
    void callsAndRetriesAreMeasuredByOperationAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CaptureServer server = CaptureServer.start()) {
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).meterRegistry(registry)
                    .retryPolicy(RetryPolicy.builder().throttlingBaseDelay(Duration.ofMillis(1)).build()).build();
            server.enqueue(Reply.of(429, Map.of("x-amzn-ErrorType", "ThrottlingException"), "{}"),
                    Reply.json(200, "{\"Id\":\"m\"}"));
            client.sendMessage(message("hi")).block(Duration.ofSeconds(10));
            StepVerifier.create(client.sendMessage(message(""))).expectError(InvalidRequestException.class)
                    .verify(Duration.ofSeconds(10));
            server.enqueue(Reply.of(403, Map.of("x-amzn-ErrorType", "AccessDeniedException"), "{}"));
            StepVerifier.create(client.sendMessage(message("no"))).expectError(AccessDeniedException.class)
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(registry.get("connectchat.client.calls").tag("operation", "SendMessage").tag("outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("connectchat.client.calls").tag("outcome", "success").timer().totalTime(
                java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get("connectchat.client.calls").tag("outcome", "invalid").timer().count()).isEqualTo(1);
        assertThat(registry.get("connectchat.client.calls").tag("outcome", "client_error").timer().count()).isEqualTo(1);
        assertThat(registry.get("connectchat.client.retries").tag("operation", "SendMessage").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void reactorNettysOwnMetricsCanBeSwitchedOn() {
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(global);
        try (CaptureServer server = CaptureServer.start()) {
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).reactorNettyMetrics(true)
                    .build();
            client.sendMessage(message("hi")).block(Duration.ofSeconds(10));
            assertThat(global.getMeters()).extracting(m -> m.getId().getName())
                    .anySatisfy(name -> assertThat(name).startsWith("reactor.netty.http.client"));
            assertThat(global.getMeters()).flatExtracting(m -> m.getId().getTags())
                    .anySatisfy(tag -> assertThat(tag.getValue()).isEqualTo("/participant/message"));
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(global);
        }
    }

    @Test
    void nothingIsMeasuredWithoutARegistry() {
        try (CaptureServer server = CaptureServer.start()) {
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).build();
            assertThat(client.sendMessage(message("hi")).block(Duration.ofSeconds(10))).isNotNull();
        }
    }

    private static SendMessageRequest message(String text) {
        return SendMessageRequest.builder().connectionToken("t").contentType("text/plain").content(text).build();
    }
}
