package dev.connectchat.participant.internal;

import dev.connectchat.participant.InvalidRequestException;
import dev.connectchat.participant.RetryPolicy;
import dev.connectchat.participant.ThrottlingException;
import dev.connectchat.participant.InternalServerException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The backoff of {@link PolicyRetry} in virtual time: full jitter under an exponential ceiling. */
class PolicyRetryTest {

    @Test
    void fullJitterStaysUnderTheExponentialCeilingAndTheCap() {
        PolicyRetry retry = new PolicyRetry(RetryPolicy.defaults(), new RetryBudget(500), "Op");
        long maxSeen = 0;
        for (int i = 0; i < 2000; i++) {
            Duration first = retry.backoff(1, false);
            assertThat(first).isBetween(Duration.ZERO, Duration.ofMillis(100));
            Duration third = retry.backoff(3, false);
            assertThat(third).isBetween(Duration.ZERO, Duration.ofMillis(400));
            Duration throttled = retry.backoff(2, true);
            assertThat(throttled).isBetween(Duration.ZERO, Duration.ofSeconds(2));
            Duration capped = retry.backoff(40, true);
            assertThat(capped).isBetween(Duration.ZERO, Duration.ofSeconds(20));
            maxSeen = Math.max(maxSeen, capped.toMillis());
        }
        assertThat(maxSeen).as("jitter spreads over the whole range").isGreaterThan(10_000);
    }

    @Test
    void retriesWaitInVirtualTimeAndGiveUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        RetryBudget budget = new RetryBudget(500);
        StepVerifier.withVirtualTime(() -> Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return Mono.<String>error(new ThrottlingException(429, "slow down", "r", null));
                    // jitter fixed at the ceiling, so that the delays are exactly 1 s and 2 s
                }).retryWhen(new PolicyRetry(RetryPolicy.defaults(), budget, "Op", ceiling -> ceiling)))
                .expectSubscription()
                .then(() -> assertThat(attempts).hasValue(1))
                .expectNoEvent(Duration.ofMillis(999))
                .then(() -> assertThat(attempts).hasValue(1))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(attempts).hasValue(2))
                .expectNoEvent(Duration.ofMillis(1999))
                .then(() -> assertThat(attempts).hasValue(2))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(attempts).hasValue(3))
                .expectError(ThrottlingException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(budget.available()).isEqualTo(490);
    }

    @Test
    void nothingHappensBeforeTheBackoffEnds() {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy slow = RetryPolicy.builder().baseDelay(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(10))
                .build();
        // jitter fixed at the ceiling for the test: 10 s, 10 s
        PolicyRetry retry = new PolicyRetry(slow, new RetryBudget(0), "Op", ceiling -> ceiling);
        StepVerifier.withVirtualTime(() -> Mono.defer(() -> attempts.incrementAndGet() < 3
                        ? Mono.<Integer>error(new InternalServerException(500, "boom", "r", null))
                        : Mono.just(attempts.get()))
                        .retryWhen(retry))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(9))
                .then(() -> assertThat(attempts).hasValue(1))
                .thenAwait(Duration.ofSeconds(1))
                .then(() -> assertThat(attempts).hasValue(2))
                .expectNoEvent(Duration.ofSeconds(9))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(3)
                .verifyComplete();
    }

    @Test
    void invalidRequestsAreNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return Mono.error(new InvalidRequestException("Op", "M", "bad"));
                }).retryWhen(new PolicyRetry(RetryPolicy.defaults(), new RetryBudget(500), "Op")))
                .expectError(InvalidRequestException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aSuccessGivesBackWhatItsRetriesTook() {
        RetryBudget budget = new RetryBudget(20);
        AtomicInteger attempts = new AtomicInteger();
        PolicyRetry retry = new PolicyRetry(RetryPolicy.defaults(), budget, "Op");
        StepVerifier.withVirtualTime(() -> Mono.defer(() -> attempts.incrementAndGet() == 1
                        ? Mono.<String>error(new InternalServerException(500, "boom", "r", null))
                        : Mono.just("ok"))
                        .retryWhen(retry).doOnSuccess(ok -> retry.onSuccess()))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("ok")
                .verifyComplete();
        assertThat(budget.available()).isEqualTo(20);
    }
}
