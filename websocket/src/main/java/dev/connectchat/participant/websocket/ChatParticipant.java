package dev.connectchat.participant.websocket;

import dev.connectchat.participant.model.ParticipantRole;

/**
 * Someone in the chat now, as {@link ChatSession#participants()} tells it.
 *
 * @param participantId the participant's id
 * @param displayName the display name, or {@code null} when the service gave none
 * @param role the role (customer, agent, bot, ...), or {@code null} when the service gave none
 * @param idle whether the service last reported the participant idle (and not back since)
 */
public record ChatParticipant(String participantId, String displayName, ParticipantRole role, boolean idle) {
}
