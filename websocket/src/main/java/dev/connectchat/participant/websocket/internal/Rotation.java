package dev.connectchat.participant.websocket.internal;

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
 * Replaces the active socket before the service's limit on a socket's life, make-before-break: a new socket is
 * opened and subscribed, then made active (which closes the old one). When that fails, the old socket stays and
 * the replacement is tried again after the longest backoff.
 */
final class Rotation {
    private static final Logger log = LoggerFactory.getLogger(Rotation.class);

    private final Duration every;
    private final Duration retry;
    private final Supplier<Mono<SocketLink>> establish;
    private final Consumer<SocketLink> activate;
    private Disposable timer = Disposables.disposed();
    private boolean running;
    private boolean stopped;

    Rotation(Duration every, Duration retry, Supplier<Mono<SocketLink>> establish, Consumer<SocketLink> activate) {
        this.every = every;
        this.retry = retry;
        this.establish = establish;
        this.activate = activate;
    }

    /** A socket became active: its replacement is due one rotation period from now. */
    synchronized void restart() {
        running = true;
        schedule(every);
    }

    /** No socket is active (or the session is over): no replacement until {@link #restart()}. */
    synchronized void pause() {
        running = false;
        timer.dispose();
    }

    /** For good. */
    synchronized void stop() {
        stopped = true;
        timer.dispose();
    }

    private void schedule(Duration in) {
        timer.dispose();
        if (!stopped) {
            timer = Schedulers.parallel().schedule(this::rotate, in.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void rotate() {
        establish.get().subscribe(activate, error -> {
            log.debug("could not rotate the chat socket ({}); keeping the current one", error.toString());
            synchronized (this) {
                if (running) {
                    schedule(retry);
                }
            }
        });
    }
}
