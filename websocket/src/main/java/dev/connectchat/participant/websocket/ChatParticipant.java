package dev.connectchat.participant.websocket;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.model.ParticipantRole;

/**
 * Someone in the chat now, as {@link ChatSession#participants()} tells it.
 *
 * @param participantId the participant's id
 * @param displayName the display name, or {@code null} when the service gave none
 * @param roleAsString the role as the service sent it (customer, agent, bot, ...), or {@code null} when it gave none;
 *     {@link #role()} gives the constant
 * @param idle whether the service last reported the participant idle (and not back since)
 */
public record ChatParticipant(String participantId, String displayName, @JsonProperty("role") String roleAsString,
                              boolean idle) {

    /**
     * @return the role, {@link ParticipantRole#UNKNOWN_TO_SDK_VERSION} for one this version does not know, or
     *     {@code null}
     */
    public ParticipantRole role() {
        return ParticipantRole.fromValue(roleAsString);
    }
}
