package dev.connectchat.participant.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.context.Context;

import java.util.function.Consumer;

/**
 * Errors that arrive after a call or socket was already done with (a connection reset after a timeout or a
 * cancel, the second half of a socket that failed on both sides). Reactor's default reports each at ERROR,
 * which at thousands of chats through a network blip is a flood of alarms about nothing: ours go to DEBUG,
 * through Reactor's per-subscription hook, without touching the application's global hooks.
 */
public final class DroppedErrors {
    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);
    /** Reactor's context key of the per-subscription hook (Hooks.KEY_ON_ERROR_DROPPED, not public). */
    private static final String KEY = "reactor.onErrorDropped.local";

    /** Put with {@code contextWrite} on a call or socket: its late errors are logged at DEBUG. */
    public static final Context CONTEXT = Context.of(KEY, (Consumer<Throwable>) DroppedErrors::dropped);

    private DroppedErrors() {
    }

    private static void dropped(Throwable error) {
        log.debug("an error after the call or socket was done with: {}", error.toString());
    }
}
