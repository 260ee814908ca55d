package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * The scan status of an attachment.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class ArtifactStatus extends ServiceEnum {
    private static final EnumValues<ArtifactStatus> VALUES = new EnumValues<>(ArtifactStatus::new);

    /** APPROVED. */
    public static final ArtifactStatus APPROVED = VALUES.known("APPROVED");

    /** REJECTED. */
    public static final ArtifactStatus REJECTED = VALUES.known("REJECTED");

    /** IN_PROGRESS. */
    public static final ArtifactStatus IN_PROGRESS = VALUES.known("IN_PROGRESS");

    private ArtifactStatus(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static ArtifactStatus of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<ArtifactStatus> knownValues() {
        return VALUES.all();
    }
}
