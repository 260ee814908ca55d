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
        Set<String> rejectedAttachmentTypes) {
}
