package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * Whether a WebRTC meeting feature is available.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class MeetingFeatureStatus extends ServiceEnum {
    private static final EnumValues<MeetingFeatureStatus> VALUES = new EnumValues<>(MeetingFeatureStatus::new);

    /** AVAILABLE. */
    public static final MeetingFeatureStatus AVAILABLE = VALUES.known("AVAILABLE");

    /** UNAVAILABLE. */
    public static final MeetingFeatureStatus UNAVAILABLE = VALUES.known("UNAVAILABLE");

    private MeetingFeatureStatus(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static MeetingFeatureStatus of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<MeetingFeatureStatus> knownValues() {
        return VALUES.all();
    }
}
