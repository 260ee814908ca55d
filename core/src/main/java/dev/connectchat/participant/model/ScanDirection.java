package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * The direction GetTranscript reads in.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class ScanDirection extends ServiceEnum {
    private static final EnumValues<ScanDirection> VALUES = new EnumValues<>(ScanDirection::new);

    /** FORWARD. */
    public static final ScanDirection FORWARD = VALUES.known("FORWARD");

    /** BACKWARD. */
    public static final ScanDirection BACKWARD = VALUES.known("BACKWARD");

    private ScanDirection(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static ScanDirection of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<ScanDirection> knownValues() {
        return VALUES.all();
    }
}
