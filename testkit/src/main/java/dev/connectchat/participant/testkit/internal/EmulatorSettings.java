package dev.connectchat.participant.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The emulator's settings, fixed at start.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param clock the clock of item times and expiries
 * @param connectionTokenLifetime how long a connection token works
 * @param webSocketUrlLifetime how long a WebSocket URL can be opened
 * @param webSocketLifetime how long an open WebSocket lives, or {@code null} for ever
 * @param maxAttachmentSize the largest attachment
 * @param maxAttachmentsPerChat the most attachments of one chat
 * @param maxTranscriptItems the most items one chat keeps
 * @param rejectedAttachmentTypes content types the scanner rejects
 * @param limits what the server takes of a client before it refuses or cuts it off
 */
public record EmulatorSettings(
        String host,
        int port,
        Clock clock,
        Duration connectionTokenLifetime,
        Duration webSocketUrlLifetime,
        Duration webSocketLifetime,
        long maxAttachmentSize,
        int maxAttachmentsPerChat,
        int maxTranscriptItems,
        Set<String> rejectedAttachmentTypes,
        Limits limits) {

    /**
     * What the emulator takes of its clients, so that a bad one (a slowloris, a flood, a socket that never
     * subscribes) cannot exhaust it.
     *
     * @param maxRequestBytes the largest REST or control request body (413 beyond)
     * @param idleTimeout how long an idle keep-alive connection stays open
     * @param readTimeout the longest silence while a request is being read
     * @param subscribeTimeout how long a chat socket may stay open without subscribing
     * @param socketIdleTimeout how long a chat socket may stay open without sending a frame
     * @param maxChats the most chats at once (503 beyond)
     * @param advertisedEndpoint the address handed out in URLs (socket, attachments, authentication), or
     *                           {@code null} for the server's own; never taken from a request's {@code Host}
     */
    public record Limits(long maxRequestBytes, Duration idleTimeout, Duration readTimeout, Duration subscribeTimeout,
                         Duration socketIdleTimeout, int maxChats, java.net.URI advertisedEndpoint) {
        /** The defaults: 1 MiB, 60 s, 10 s, 30 s, 10 min (as the service's gateway), 10,000 chats, own address. */
        public static final Limits DEFAULTS = new Limits(1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(10), 10_000, null);
    }
}
