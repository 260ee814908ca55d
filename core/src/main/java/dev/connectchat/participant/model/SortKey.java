package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * The order of the items in a GetTranscript page.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class SortKey extends ServiceEnum {
    private static final EnumValues<SortKey> VALUES = new EnumValues<>(SortKey::new);

    /** DESCENDING. */
    public static final SortKey DESCENDING = VALUES.known("DESCENDING");

    /** ASCENDING. */
    public static final SortKey ASCENDING = VALUES.known("ASCENDING");

    private SortKey(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static SortKey of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<SortKey> knownValues() {
        return VALUES.all();
    }
}
