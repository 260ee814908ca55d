package dev.connectchat.participant.websocket;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition that another thread makes true, by polling it reactively, with a bound. */
final class Awaits {
    private Awaits() {
    }

    static void until(BooleanSupplier condition) {
        Mono.fromCallable(condition::getAsBoolean)
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty(200, attempts -> attempts.delayElements(Duration.ofMillis(25)))
                .switchIfEmpty(Mono.error(new AssertionError("the condition did not become true within 5 s")))
                .block(Duration.ofSeconds(10));
    }
}
