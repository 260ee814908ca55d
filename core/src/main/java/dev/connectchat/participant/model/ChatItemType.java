package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * The kind of a transcript item.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class ChatItemType extends ServiceEnum {
    private static final EnumValues<ChatItemType> VALUES = new EnumValues<>(ChatItemType::new);

    /** TYPING. */
    public static final ChatItemType TYPING = VALUES.known("TYPING");

    /** PARTICIPANT_JOINED. */
    public static final ChatItemType PARTICIPANT_JOINED = VALUES.known("PARTICIPANT_JOINED");

    /** PARTICIPANT_LEFT. */
    public static final ChatItemType PARTICIPANT_LEFT = VALUES.known("PARTICIPANT_LEFT");

    /** CHAT_ENDED. */
    public static final ChatItemType CHAT_ENDED = VALUES.known("CHAT_ENDED");

    /** TRANSFER_SUCCEEDED. */
    public static final ChatItemType TRANSFER_SUCCEEDED = VALUES.known("TRANSFER_SUCCEEDED");

    /** TRANSFER_FAILED. */
    public static final ChatItemType TRANSFER_FAILED = VALUES.known("TRANSFER_FAILED");

    /** MESSAGE. */
    public static final ChatItemType MESSAGE = VALUES.known("MESSAGE");

    /** EVENT. */
    public static final ChatItemType EVENT = VALUES.known("EVENT");

    /** ATTACHMENT. */
    public static final ChatItemType ATTACHMENT = VALUES.known("ATTACHMENT");

    /** CONNECTION_ACK. */
    public static final ChatItemType CONNECTION_ACK = VALUES.known("CONNECTION_ACK");

    /** MESSAGE_DELIVERED. */
    public static final ChatItemType MESSAGE_DELIVERED = VALUES.known("MESSAGE_DELIVERED");

    /** MESSAGE_READ. */
    public static final ChatItemType MESSAGE_READ = VALUES.known("MESSAGE_READ");

    /** PARTICIPANT_ACTIVE. */
    public static final ChatItemType PARTICIPANT_ACTIVE = VALUES.known("PARTICIPANT_ACTIVE");

    /** PARTICIPANT_INACTIVE. */
    public static final ChatItemType PARTICIPANT_INACTIVE = VALUES.known("PARTICIPANT_INACTIVE");

    /** PARTICIPANT_ENGAGED. */
    public static final ChatItemType PARTICIPANT_ENGAGED = VALUES.known("PARTICIPANT_ENGAGED");

    /** PARTICIPANT_DISENGAGED. */
    public static final ChatItemType PARTICIPANT_DISENGAGED = VALUES.known("PARTICIPANT_DISENGAGED");

    private ChatItemType(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static ChatItemType of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<ChatItemType> knownValues() {
        return VALUES.all();
    }
}
