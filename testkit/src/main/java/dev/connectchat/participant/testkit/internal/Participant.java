package dev.connectchat.participant.testkit.internal;

import dev.connectchat.participant.model.ParticipantRole;

/** A participant of a chat; {@code left} once it disconnected or the chat ended. */
final class Participant {
    final String id;
    final String displayName;
    final ParticipantRole role;
    final String participantToken;
    volatile boolean left;
    volatile boolean joined;

    Participant(String id, String displayName, ParticipantRole role, String participantToken) {
        this.id = id;
        this.displayName = displayName;
        this.role = role;
        this.participantToken = participantToken;
    }
}
