package dev.connectchat.participant.model;

import java.util.Map;
import java.util.Set;

/**
 * The scan status of an attachment.
 *
 * <p>A value the service adds after this version of the library was built reads as
 * {@link #UNKNOWN_TO_SDK_VERSION}; the model object that carries it keeps the raw string, in its
 * {@code ...AsString()} accessor, so it can be logged or sent back unchanged. The constants can be used in a
 * {@code switch}.
 */
public enum ArtifactStatus {
    /** APPROVED. */
    APPROVED("APPROVED"),
    /** REJECTED. */
    REJECTED("REJECTED"),
    /** IN_PROGRESS. */
    IN_PROGRESS("IN_PROGRESS"),

    /** A value this version of the library does not know; the raw string is in the {@code ...AsString()} accessor. */
    UNKNOWN_TO_SDK_VERSION(null);

    private static final Map<String, ArtifactStatus> BY_VALUE = EnumLookup.byValue(values());

    private final String value;

    ArtifactStatus(String value) {
        this.value = value;
    }

    /**
     * @param value the value as it is on the wire
     * @return its constant, {@link #UNKNOWN_TO_SDK_VERSION} for a value this library does not know, {@code null}
     *     for {@code null}
     */
    public static ArtifactStatus fromValue(String value) {
        return EnumLookup.find(BY_VALUE, value, UNKNOWN_TO_SDK_VERSION);
    }

    /** @return every constant but {@link #UNKNOWN_TO_SDK_VERSION}, in the model's order */
    public static Set<ArtifactStatus> knownValues() {
        return EnumLookup.known(UNKNOWN_TO_SDK_VERSION);
    }

    /** @return the value as it is on the wire ({@code UNKNOWN_TO_SDK_VERSION} for that constant) */
    @Override
    public String toString() {
        return value != null ? value : name();
    }
}
