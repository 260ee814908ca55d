package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * The type of a resource that was not found.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class ResourceType extends ServiceEnum {
    private static final EnumValues<ResourceType> VALUES = new EnumValues<>(ResourceType::new);

    /** CONTACT. */
    public static final ResourceType CONTACT = VALUES.known("CONTACT");

    /** CONTACT_FLOW. */
    public static final ResourceType CONTACT_FLOW = VALUES.known("CONTACT_FLOW");

    /** INSTANCE. */
    public static final ResourceType INSTANCE = VALUES.known("INSTANCE");

    /** PARTICIPANT. */
    public static final ResourceType PARTICIPANT = VALUES.known("PARTICIPANT");

    /** HIERARCHY_LEVEL. */
    public static final ResourceType HIERARCHY_LEVEL = VALUES.known("HIERARCHY_LEVEL");

    /** HIERARCHY_GROUP. */
    public static final ResourceType HIERARCHY_GROUP = VALUES.known("HIERARCHY_GROUP");

    /** USER. */
    public static final ResourceType USER = VALUES.known("USER");

    /** PHONE_NUMBER. */
    public static final ResourceType PHONE_NUMBER = VALUES.known("PHONE_NUMBER");

    private ResourceType(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static ResourceType of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<ResourceType> knownValues() {
        return VALUES.all();
    }
}
