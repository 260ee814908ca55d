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
        until(condition, Duration.ofSeconds(10));
    }

    /** As {@link #until(BooleanSupplier)}, with a bound of {@code within}. */
    public static void until(BooleanSupplier condition, Duration within) {
        Boolean met = Mono.fromCallable(condition::getAsBoolean)
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty((int) Math.max(1, within.toMillis() / 25),
                        attempts -> attempts.delayElements(Duration.ofMillis(25), CLOCK))
                .onErrorResume(IllegalStateException.class, exhausted -> Mono.just(false))
                .block(within.multipliedBy(3).plusSeconds(30));
        if (!Boolean.TRUE.equals(met)) {
            throw new AssertionError("the condition did not become true within " + within);
        }
    }

    /**
     * Lets real time pass: a pace a test keeps on purpose (a load's rhythm), never a wait for a condition,
     * which {@link #until} is for.
     */
    public static void pause(Duration pace) {
        Mono.delay(pace, CLOCK).block();
    }
}
