package dev.connectchat.participant;

import dev.connectchat.participant.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When and how often a failed call is sent again. The defaults follow the AWS SDK's standard mode: 3
 * attempts in all; throttling, 5xx and transport failures retried, other 4xx never; exponential backoff with
 * full jitter from a base of {@value #DEFAULT_BASE_DELAY_MILLIS} ms ({@value #DEFAULT_THROTTLING_BASE_DELAY_MILLIS}
 * ms after throttling) up to {@value #DEFAULT_MAX_BACKOFF_SECONDS} s; and a retry budget, shared by all
 * calls of a client, that stops retries when most calls fail, so that a failing service is not hammered.
 *
 * <p>Every retry of a call re-sends the same request, with the same idempotency token.
 */
public final class RetryPolicy {
    /** Attempts in all, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Base of the backoff after a non-throttling failure, in milliseconds. */
    public static final long DEFAULT_BASE_DELAY_MILLIS = 100;
    /** Base of the backoff after throttling, in milliseconds. */
    public static final long DEFAULT_THROTTLING_BASE_DELAY_MILLIS = 1000;
    /** Longest backoff, in seconds. */
    public static final long DEFAULT_MAX_BACKOFF_SECONDS = 20;
    /** Capacity of the retry budget. */
    public static final int DEFAULT_BUDGET_CAPACITY = 500;
    /** What one retry takes from the budget; a success gives it back (or 1 when it needed no retry). */
    public static final int DEFAULT_RETRY_COST = 5;

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration throttlingBaseDelay;
    private final Duration maxBackoff;
    private final int budgetCapacity;
    private final int retryCost;
    private final Predicate<Throwable> retryable;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.throttlingBaseDelay = b.throttlingBaseDelay;
        this.maxBackoff = b.maxBackoff;
        this.budgetCapacity = b.budgetCapacity;
        this.retryCost = b.retryCost;
        this.retryable = b.retryable;
    }

    /** @return the standard policy described above */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return NONE;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return attempts in all, the first included; 1 means no retry */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the base of the backoff after a non-throttling failure */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** @return the base of the backoff after throttling */
    public Duration throttlingBaseDelay() {
        return throttlingBaseDelay;
    }

    /** @return the longest backoff */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the capacity of the retry budget; 0 means no budget (retries are never refused) */
    public int budgetCapacity() {
        return budgetCapacity;
    }

    /** @return what one retry takes from the budget */
    public int retryCost() {
        return retryCost;
    }

    /**
     * @param failure a failure of one attempt
     * @return whether that failure may be retried
     */
    public boolean isRetryable(Throwable failure) {
        return retryable.test(failure);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", throttlingBaseDelay="
                + throttlingBaseDelay + ", maxBackoff=" + maxBackoff + ", budgetCapacity=" + budgetCapacity
                + ", retryCost=" + retryCost + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration baseDelay = Duration.ofMillis(DEFAULT_BASE_DELAY_MILLIS);
        private Duration throttlingBaseDelay = Duration.ofMillis(DEFAULT_THROTTLING_BASE_DELAY_MILLIS);
        private Duration maxBackoff = Duration.ofSeconds(DEFAULT_MAX_BACKOFF_SECONDS);
        private int budgetCapacity = DEFAULT_BUDGET_CAPACITY;
        private int retryCost = DEFAULT_RETRY_COST;
        private Predicate<Throwable> retryable = RetryPolicy::isRetryableByDefault;

        private Builder() {
        }

        private Builder(RetryPolicy p) {
            this.maxAttempts = p.maxAttempts;
            this.baseDelay = p.baseDelay;
            this.throttlingBaseDelay = p.throttlingBaseDelay;
            this.maxBackoff = p.maxBackoff;
            this.budgetCapacity = p.budgetCapacity;
            this.retryCost = p.retryCost;
            this.retryable = p.retryable;
        }

        /**
         * @param maxAttempts attempts in all, at least 1 (1 turns retries off)
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param baseDelay base of the backoff after a non-throttling failure
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Durations.positive("baseDelay", baseDelay);
            return this;
        }

        /**
         * @param throttlingBaseDelay base of the backoff after throttling
         * @return this builder
         */
        public Builder throttlingBaseDelay(Duration throttlingBaseDelay) {
            this.throttlingBaseDelay = Durations.positive("throttlingBaseDelay", throttlingBaseDelay);
            return this;
        }

        /**
         * @param maxBackoff the longest backoff
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Durations.positive("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * @param capacity capacity of the retry budget shared by a client's calls; 0 turns the budget off
         * @param retryCost what one retry takes from it
         * @return this builder
         */
        public Builder retryBudget(int capacity, int retryCost) {
            if (capacity < 0 || retryCost < 0) {
                throw new IllegalArgumentException("retry budget capacity and cost must not be negative");
            }
            this.budgetCapacity = capacity;
            this.retryCost = retryCost;
            return this;
        }

        /**
         * @param retryable which failures to retry; the default retries {@link ParticipantException#isRetryable()}
         * @return this builder
         */
        public Builder retryable(Predicate<Throwable> retryable) {
            this.retryable = Objects.requireNonNull(retryable, "retryable");
            return this;
        }

        /** @return the policy */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }

    private static boolean isRetryableByDefault(Throwable failure) {
        return failure instanceof ParticipantException && ((ParticipantException) failure).isRetryable();
    }
}
