package dev.connectchat.participant.testkit.internal;

import java.time.Instant;

/** A connection token or a WebSocket URL: who it is for, and until when it works. */
final class Grant {
    final String token;
    final ChatRoom room;
    final Participant participant;
    volatile Instant expiresAt;

    Grant(String token, ChatRoom room, Participant participant, Instant expiresAt) {
        this.token = token;
        this.room = room;
        this.participant = participant;
        this.expiresAt = expiresAt;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
