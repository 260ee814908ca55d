package dev.connectchat.participant.websocket.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconnect delays of one session, and the budget all sessions of a client share. */
class ReconnectPacingTest {

    @Test
    void theFirstAttemptAfterALongLivedSocketIsImmediateThenDelaysDoubleWithJitterUpToTheLongest() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        for (int round = 0; round < 100; round++) {
            backoff.socketEnded(TimeUnit.MINUTES.toMillis(5));
            assertThat(backoff.nextDelayMillis()).isZero();
            long[] bases = {2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000};
            for (long base : bases) {
                assertThat(backoff.nextDelayMillis()).isBetween(base / 2, base);
            }
        }
    }

    @Test
    void aSocketThatLivedLessThanTheLongestBackoffCountsAsAFailure() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(backoff.nextDelayMillis()).isZero();
        backoff.socketEnded(50); // subscribed, then dropped at once
        assertThat(backoff.nextDelayMillis()).isBetween(50L, 100L);
        backoff.socketEnded(999);
        assertThat(backoff.nextDelayMillis()).isBetween(100L, 200L);
        backoff.socketEnded(1_000);
        assertThat(backoff.nextDelayMillis()).isZero();
    }

    @Test
    void tenThousandSessionsCutAtOnceComeBackAtTheBudgetsRate() {
        ReconnectBudget budget = new ReconnectBudget(100, 200);
        long now = TimeUnit.SECONDS.toNanos(1_000);
        long last = 0;
        for (int i = 0; i < 10_000; i++) {
            long slot = budget.reserve(now);
            if (i < 200) {
                assertThat(slot).as("burst %d", i).isEqualTo(now);
            } else {
                // after the burst, one per 10 ms
                assertThat(slot).as("slot %d", i).isEqualTo(now + (i - 199) * 10_000_000L);
            }
            last = slot;
        }
        assertThat(Duration.ofNanos(last - now)).isEqualTo(Duration.ofMillis(98_000));
    }

    @Test
    void unusedBudgetAccumulatesOnlyUpToTheBurst() {
        ReconnectBudget budget = new ReconnectBudget(10, 3);
        long t = 0;
        assertThat(budget.reserve(t)).isEqualTo(t);
        long later = TimeUnit.HOURS.toNanos(1);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.reserve(later)).isEqualTo(later);
        }
        assertThat(budget.reserve(later)).isEqualTo(later + 100_000_000L);
        // a session whose own backoff asks for later than the next free slot gets what it asked for
        assertThat(budget.reserve(later + 5_000_000_000L)).isEqualTo(later + 5_000_000_000L);
    }

    @Test
    void sessionsOfOneClientShareOneBudget() {
        Object client = new Object();
        assertThat(ReconnectBudget.of(client, 100, 200)).isSameAs(ReconnectBudget.of(client, 5, 5))
                .isNotSameAs(ReconnectBudget.of(new Object(), 100, 200));
    }
}
