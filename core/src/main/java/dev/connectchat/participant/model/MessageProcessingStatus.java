package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * The processing status of a message.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class MessageProcessingStatus extends ServiceEnum {
    private static final EnumValues<MessageProcessingStatus> VALUES = new EnumValues<>(MessageProcessingStatus::new);

    /** PROCESSING. */
    public static final MessageProcessingStatus PROCESSING = VALUES.known("PROCESSING");

    /** FAILED. */
    public static final MessageProcessingStatus FAILED = VALUES.known("FAILED");

    /** REJECTED. */
    public static final MessageProcessingStatus REJECTED = VALUES.known("REJECTED");

    private MessageProcessingStatus(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static MessageProcessingStatus of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<MessageProcessingStatus> knownValues() {
        return VALUES.all();
    }
}
