package dev.connectchat.participant.internal;

import dev.connectchat.participant.ParticipantException;
import dev.connectchat.participant.RetryPolicy;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Reactor {@link Retry} for one logical call under a {@link RetryPolicy}: exponential backoff with full
 * jitter (a delay drawn uniformly from zero to {@code min(maxBackoff, base * 2^retry)}), a larger base after
 * throttling, and a shared {@link RetryBudget}. The delay runs on Reactor's parallel scheduler, so tests can
 * drive it with virtual time.
 */
final class PolicyRetry extends Retry {
    private static final Logger log = LoggerFactory.getLogger(PolicyRetry.class);

    private final RetryPolicy policy;
    private final RetryBudget budget;
    private final String operation;
    /** Tokens this call took from the budget; given back when it succeeds. */
    private int acquired;

    /** Draws the delay from zero to the ceiling (inclusive), in nanoseconds. */
    private final LongUnaryOperator jitter;

    private final ClientMetrics metrics;

    PolicyRetry(RetryPolicy policy, RetryBudget budget, String operation) {
        this(policy, budget, operation, ClientMetrics.NONE);
    }

    PolicyRetry(RetryPolicy policy, RetryBudget budget, String operation, ClientMetrics metrics) {
        this(policy, budget, operation, metrics, ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    PolicyRetry(RetryPolicy policy, RetryBudget budget, String operation, LongUnaryOperator jitter) {
        this(policy, budget, operation, ClientMetrics.NONE, jitter);
    }

    PolicyRetry(RetryPolicy policy, RetryBudget budget, String operation, ClientMetrics metrics,
                LongUnaryOperator jitter) {
        this.policy = policy;
        this.budget = budget;
        this.operation = operation;
        this.metrics = metrics;
        this.jitter = jitter;
    }

    @Override
    public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
        return signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            long retry = signal.totalRetries() + 1;
            if (retry >= policy.maxAttempts() || !policy.isRetryable(failure)) {
                return Mono.error(failure);
            }
            if (!budget.tryAcquire(policy.retryCost())) {
                log.debug("{}: not retrying {}: the retry budget is spent", operation, failure.toString());
                return Mono.error(failure);
            }
            acquired += policy.retryCost();
            Duration delay = backoff(retry, isThrottling(failure));
            log.debug("{}: attempt {} of {} failed ({}); retrying in {} ms", operation, retry,
                    policy.maxAttempts(), failure.toString(), delay.toMillis());
            metrics.retry(operation);
            return Mono.delay(delay);
        });
    }

    /** Called once the call succeeded: gives back what the retries took, or 1 token for a first-try success. */
    void onSuccess() {
        budget.release(acquired == 0 ? 1 : acquired);
    }

    Duration backoff(long retry, boolean throttling) {
        Duration base = throttling ? policy.throttlingBaseDelay() : policy.baseDelay();
        long capNanos = policy.maxBackoff().toNanos();
        long ceiling = retry >= 62 ? capNanos : Math.min(capNanos, saturatedShift(base.toNanos(), retry - 1));
        return Duration.ofNanos(jitter.applyAsLong(ceiling));
    }

    private static long saturatedShift(long value, long shift) {
        return shift >= Long.numberOfLeadingZeros(value) - 1 ? Long.MAX_VALUE : value << shift;
    }

    private static boolean isThrottling(Throwable failure) {
        return failure instanceof ParticipantException && ((ParticipantException) failure).isThrottling();
    }
}
