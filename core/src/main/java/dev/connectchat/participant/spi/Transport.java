package dev.connectchat.participant.spi;

import dev.connectchat.participant.internal.DroppedErrors;
import dev.connectchat.participant.internal.Endpoints;
import reactor.util.context.ContextView;

import java.net.URI;

/** What a module that opens its own connections next to the client's needs to behave as the client does. */
public final class Transport {
    private Transport() {
    }

    /**
     * @param uri an endpoint
     * @return whether its host is a loopback name or a strict loopback address literal; never asks DNS
     */
    public static boolean isLoopback(URI uri) {
        return Endpoints.isLoopback(uri);
    }

    /**
     * @return a context that, written on a connection's publisher, logs its late errors (after it was cancelled
     *         or done with) at DEBUG instead of Reactor's default ERROR
     */
    public static ContextView lateErrorsAtDebug() {
        return DroppedErrors.CONTEXT;
    }
}
