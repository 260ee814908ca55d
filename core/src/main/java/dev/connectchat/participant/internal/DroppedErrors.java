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
    /** The same for values (Hooks.KEY_ON_NEXT_DROPPED). */
    private static final String VALUES = "reactor.onNextDropped.local";

    /**
     * Put with {@code contextWrite} on a call or socket: its late errors are logged at DEBUG, and a late value is
     * released when it holds a buffer. A response body that Reactor Netty completes just as the attempt's deadline
     * cancels the call arrives after the cancel; Reactor hands it to this hook, and by default only logs it, so
     * its buffer leaked.
     */
    public static final Context CONTEXT = Context.of(KEY, (Consumer<Throwable>) DroppedErrors::dropped,
            VALUES, (Consumer<Object>) DroppedErrors::droppedValue);

    private DroppedErrors() {
    }

    private static void droppedValue(Object value) {
        if (value instanceof io.netty.util.ReferenceCounted counted && counted.refCnt() > 0) {
            io.netty.util.ReferenceCountUtil.safeRelease(counted);
        }
        log.debug("a value after the call or socket was done with, released when it held a buffer");
    }

    private static void dropped(Throwable error) {
        log.debug("an error after the call or socket was done with: {}", error.toString());
    }
}
