package dev.connectchat.bench;

import java.net.URI;
import java.util.List;

/** One client holding many chat sessions and counting the messages pushed to them, for {@link FanInLoad}. */
public interface FanInContender extends AutoCloseable {
    /**
     * Opens a session per participant token and returns once all are subscribed.
     *
     * @param endpoint the service
     * @param participantTokens one per chat
     * @param onMessage to run for each agent message a session receives
     */
    void connect(URI endpoint, List<String> participantTokens, Runnable onMessage) throws Exception;

    /** @return the sockets its sessions have replaced so far (a raw client never replaces one) */
    default long reconnects() {
        return 0;
    }

    /** Closes every session. */
    @Override
    void close() throws Exception;
}
