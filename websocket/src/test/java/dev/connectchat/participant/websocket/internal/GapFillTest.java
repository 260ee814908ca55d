package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ThrottlingException;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gap fill, in virtual time, against a GetTranscript that is throttled for a while, as it is when thousands of
 * sessions read back together after a blip: it tries again until its deadline, not a fixed number of times.
 */
class GapFillTest {

    private static ParticipantClient throttledFor(int failures, AtomicInteger calls) {
        return failingFor(failures, () -> new ThrottlingException(429, "Rate exceeded", "r", null), calls);
    }

    /** Denies GetTranscript {@code denials} times (a token that expired as it came), then answers. */
    private static ParticipantClient deniedFor(int denials, AtomicInteger calls) {
        return failingFor(denials, () -> new dev.connectchat.participant.AccessDeniedException(403, "Access denied", "r", null), calls);
    }

    /** GetTranscript fails {@code failures} times with what {@code error} makes, then answers; CPC always works. */
    private static ParticipantClient failingFor(int failures, java.util.function.Supplier<Throwable> error,
                                                AtomicInteger calls) {
        return (ParticipantClient) Proxy.newProxyInstance(GapFillTest.class.getClassLoader(),
                new Class<?>[]{ParticipantClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "transcriptPages" -> Flux.defer(() -> calls.incrementAndGet() <= failures
                            ? Flux.error(error.get())
                            : Flux.just(GetTranscriptResponse.builder().transcript(List.of(
                                    Item.builder().id("missed").absoluteTime(Instant.EPOCH).build())).build()));
                    case "createParticipantConnection" -> reactor.core.publisher.Mono.just(
                            dev.connectchat.participant.model.CreateParticipantConnectionResponse.builder()
                                    .connectionCredentials(dev.connectchat.participant.model.ConnectionCredentials.builder()
                                            .connectionToken("fresh").build()).build());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aTokenThatExpiredAsItCameIsRefreshedAgainNotReportedAsAGap() {
        AtomicInteger calls = new AtomicInteger();
        ParticipantClient client = deniedFor(3, calls);
        StepVerifier.withVirtualTime(() -> GapFill.read(client, tokens(client), "last", Instant.EPOCH, 20,
                        Duration.ofSeconds(60)))
                .thenAwait(Duration.ofSeconds(60))
                .assertNext(result -> assertThat(result.shortfall()).as("nothing missing").isNull())
                .verifyComplete();
    }

    @Test
    void aChatThatEndedIsNotAskedForeverAndSaysSo() {
        AtomicInteger calls = new AtomicInteger();
        ParticipantClient client = deniedFor(Integer.MAX_VALUE, calls);
        StepVerifier.withVirtualTime(() -> GapFill.read(client, tokens(client), "last", Instant.EPOCH, 20,
                        Duration.ofSeconds(60)))
                .thenAwait(Duration.ofSeconds(60))
                .assertNext(result -> assertThat(result.shortfall()).contains("AccessDenied"))
                .verifyComplete();
        assertThat(calls.get()).as("each read denied, refreshed and denied again; three rounds").isLessThanOrEqualTo(6);
    }

    private static TokenKeeper tokens(ParticipantClient client) {
        return new TokenKeeper(client, "pt", Duration.ofSeconds(60), Duration.ofSeconds(1), e -> { });
    }

    @Test
    void aThrottledReadIsTriedAgainUntilItWorksWithinTheDeadline() {
        AtomicInteger calls = new AtomicInteger();
        ParticipantClient client = throttledFor(8, calls);
        StepVerifier.withVirtualTime(() -> GapFill.read(client, tokens(client), "last", Instant.EPOCH, 20,
                        Duration.ofSeconds(60)))
                .thenAwait(Duration.ofSeconds(60))
                .assertNext(result -> {
                    assertThat(result.shortfall()).as("nothing missing").isNull();
                    assertThat(result.items()).extracting(Item::id).containsExactly("missed");
                })
                .verifyComplete();
        assertThat(calls).hasValue(9);
    }

    @Test
    void whenTheDeadlinePassesItSaysWhatItCouldNotRead() {
        AtomicInteger calls = new AtomicInteger();
        ParticipantClient client = throttledFor(Integer.MAX_VALUE, calls);
        StepVerifier.withVirtualTime(() -> GapFill.read(client, tokens(client), "last", Instant.EPOCH, 20,
                        Duration.ofSeconds(30)))
                .thenAwait(Duration.ofSeconds(31))
                .assertNext(result -> assertThat(result.shortfall()).contains("not read within 30000 ms"))
                .verifyComplete();
        assertThat(calls.get()).as("paced by the backoff, not a storm").isBetween(3, 12);
    }
}
