package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconnecting on its own, in virtual time: attempts paced by the backoff, bounded, stoppable. */
class ReconnectorTest {
    VirtualTimeScheduler time;
    final AtomicInteger attempts = new AtomicInteger();
    final List<String> outcomes = new ArrayList<>();

    @BeforeEach
    void virtualTime() {
        time = VirtualTimeScheduler.getOrSet();
    }

    @AfterEach
    void realTime() {
        VirtualTimeScheduler.reset();
    }

    private Reconnector reconnector(Mono<SocketLink> attempt, int maxAttempts) {
        return new Reconnector(new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30)),
                new ReconnectBudget(100, 200), () -> {
                    attempts.incrementAndGet();
                    return attempt;
                }, maxAttempts,
                link -> outcomes.add("reconnected " + link.generation),
                e -> outcomes.add("denied"),
                e -> outcomes.add("gave up: " + e.getMessage()));
    }

    @Test
    void aSocketThatLivedLongIsReplacedAtOnce() {
        reconnector(Mono.just(new SocketLink(7)), 5).socketLost(Duration.ofMinutes(10).toMillis());
        time.advanceTime();
        assertThat(attempts).hasValue(1);
        assertThat(outcomes).containsExactly("reconnected 7");
    }

    @Test
    void failedAttemptsBackOffAndStopAtTheLimit() {
        reconnector(Mono.error(new IllegalStateException("refused")), 3).socketLost(0);
        time.advanceTime();
        assertThat(attempts).as("the first loss is tried again at once").hasValue(1);
        time.advanceTimeBy(Duration.ofMillis(999));
        assertThat(attempts).as("not before half the first backoff").hasValue(1);
        time.advanceTimeBy(Duration.ofMillis(1001));
        assertThat(attempts).as("within the first backoff").hasValue(2);
        time.advanceTimeBy(Duration.ofMinutes(5));
        assertThat(attempts).hasValue(3);
        assertThat(outcomes).containsExactly("gave up: refused");
    }

    @Test
    void aDeniedTokenEndsReconnectingAtOnce() {
        reconnector(Mono.error(new AccessDeniedException(403, "ended", "r", null)), 10).socketLost(0);
        time.advanceTimeBy(Duration.ofMinutes(5));
        assertThat(attempts).hasValue(1);
        assertThat(outcomes).containsExactly("denied");
    }

    @Test
    void stoppedItMakesNoFurtherAttempt() {
        Reconnector reconnector = reconnector(Mono.error(new IllegalStateException("refused")), 10);
        reconnector.socketLost(0);
        time.advanceTime();
        assertThat(attempts).hasValue(1);
        reconnector.stop();
        reconnector.socketLost(0);
        time.advanceTimeBy(Duration.ofMinutes(5));
        assertThat(attempts).hasValue(1);
        assertThat(outcomes).isEmpty();
        assertThat(reconnector.failedAttempts()).isEqualTo(1);
    }
}
