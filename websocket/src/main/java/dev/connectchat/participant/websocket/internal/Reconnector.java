package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Brings a lost socket back: each attempt after the {@link Backoff}, then in a slot of the client-wide
 * {@link ReconnectBudget} (taken only once the backoff is over, so a slot reserved far ahead never pushes back
 * the client's healthy sessions), up to a number of attempts in a row.
 */
final class Reconnector {
    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    private final Backoff backoff;
    private final ReconnectBudget budget;
    private final Supplier<Mono<SocketLink>> establish;
    private final long maxAttempts;
    private final Consumer<SocketLink> reconnected;
    private final Consumer<Throwable> denied;
    private final Consumer<Throwable> gaveUp;
    private Disposable pending;
    private long failuresInARow;
    private boolean stopped;
    private volatile long failed;

    /**
     * @param reconnected told of the new socket
     * @param denied told when the service denied the tokens (the chat ended while the socket was away)
     * @param gaveUp told when {@code maxAttempts} attempts in a row failed
     */
    Reconnector(Backoff backoff, ReconnectBudget budget, Supplier<Mono<SocketLink>> establish, long maxAttempts,
                Consumer<SocketLink> reconnected, Consumer<Throwable> denied, Consumer<Throwable> gaveUp) {
        this.backoff = backoff;
        this.budget = budget;
        this.establish = establish;
        this.maxAttempts = maxAttempts;
        this.reconnected = reconnected;
        this.denied = denied;
        this.gaveUp = gaveUp;
    }

    /** The active socket ended after living {@code livedMillis}: starts reconnecting. */
    synchronized void socketLost(long livedMillis) {
        if (stopped) {
            return;
        }
        backoff.socketEnded(livedMillis);
        failuresInARow = 0;
        next();
    }

    private void next() {
        // the slot is in place before the attempt starts: an attempt that ends at once (within subscribe) may
        // already have started the next one, whose slot must not be overwritten by this one's
        Disposable.Swap slot = Disposables.swap();
        pending = slot;
        slot.update(Mono.delay(Duration.ofMillis(backoff.nextDelayMillis()))
                .then(Mono.defer(() -> {
                    long now = Schedulers.parallel().now(TimeUnit.NANOSECONDS);
                    return Mono.delay(Duration.ofNanos(budget.reserve(now) - now));
                }))
                .then(Mono.defer(establish))
                .subscribe(this::succeeded, this::failed));
    }

    private void succeeded(SocketLink link) {
        synchronized (this) {
            pending = null;
        }
        log.debug("{} reconnected", link);
        reconnected.accept(link);
    }

    private void failed(Throwable error) {
        if (error instanceof AccessDeniedException) {
            log.debug("the chat ended while the socket was away");
            denied.accept(error);
            return;
        }
        failed++;
        synchronized (this) {
            pending = null;
            if (stopped) {
                return;
            }
            if (++failuresInARow < maxAttempts) {
                log.debug("reconnect attempt {} failed ({}); trying again", failuresInARow, error.toString());
                next();
                return;
            }
        }
        log.warn("giving up reconnecting after {} attempts: {}", failuresInARow, error.toString());
        gaveUp.accept(error);
    }

    /** @return attempts that failed so far */
    long failedAttempts() {
        return failed;
    }

    /** Cancels the attempt under way and makes no more. */
    synchronized void stop() {
        stopped = true;
        if (pending != null) {
            pending.dispose();
        }
    }
}
