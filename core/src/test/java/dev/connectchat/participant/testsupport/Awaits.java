package dev.connectchat.participant.testsupport;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition another thread makes true, by polling it reactively, with a bound. Its clock is a
 * plain executor of its own, so it keeps real time while a test drives Reactor's schedulers virtually.
 */
public final class Awaits {
    private static final ScheduledExecutorService REAL_TIME = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "awaits");
        t.setDaemon(true);
        return t;
    });
    private static final Scheduler CLOCK = Schedulers.fromExecutorService(REAL_TIME);

    private Awaits() {
    }

    public static void until(BooleanSupplier condition) {
        Mono.fromCallable(condition::getAsBoolean)
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty(400, attempts -> attempts.delayElements(Duration.ofMillis(25), CLOCK))
                .switchIfEmpty(Mono.error(new AssertionError("the condition did not become true within 10 s")))
                .block(Duration.ofSeconds(15));
    }
}
