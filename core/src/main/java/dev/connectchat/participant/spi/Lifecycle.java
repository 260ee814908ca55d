package dev.connectchat.participant.spi;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.internal.DefaultParticipantClient;
import reactor.core.Disposable;

/** Ties what a module builds on a client (a chat session) to the client's life. */
public final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * @param client a client
     * @param listener run once when the client is closed (at once when it already is); never for clients that
     *                 were not built by {@link ParticipantClient#builder()}
     * @return undoes the registration: dispose it when what was built on the client ends first
     */
    public static Disposable onClose(ParticipantClient client, Runnable listener) {
        if (client instanceof DefaultParticipantClient built) {
            return built.onClose(listener);
        }
        return () -> { };
    }
}
