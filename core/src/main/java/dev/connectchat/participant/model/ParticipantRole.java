package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * The role of a chat participant.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class ParticipantRole extends ServiceEnum {
    private static final EnumValues<ParticipantRole> VALUES = new EnumValues<>(ParticipantRole::new);

    /** AGENT. */
    public static final ParticipantRole AGENT = VALUES.known("AGENT");

    /** CUSTOMER. */
    public static final ParticipantRole CUSTOMER = VALUES.known("CUSTOMER");

    /** SYSTEM. */
    public static final ParticipantRole SYSTEM = VALUES.known("SYSTEM");

    /** CUSTOM_BOT. */
    public static final ParticipantRole CUSTOM_BOT = VALUES.known("CUSTOM_BOT");

    /** SUPERVISOR. */
    public static final ParticipantRole SUPERVISOR = VALUES.known("SUPERVISOR");

    private ParticipantRole(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static ParticipantRole of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<ParticipantRole> knownValues() {
        return VALUES.all();
    }
}
