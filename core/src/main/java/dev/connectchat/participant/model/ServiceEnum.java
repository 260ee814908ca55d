package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Base of the service's enumerations. Unlike a Java {@code enum}, a value the service adds later is parsed,
 * not rejected: {@code of("NEW_VALUE")} returns an instance whose {@link #isKnown()} is {@code false} and
 * whose {@link #value()} keeps the raw string, so it is sent back unchanged.
 *
 * <p>Two instances are equal when they are of the same type and hold the same string.
 */
public abstract class ServiceEnum {
    private final String value;
    private final boolean known;

    ServiceEnum(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /** @return the value exactly as it is on the wire */
    @JsonValue
    public final String value() {
        return value;
    }

    /** @return whether this library knows the value (it is one of the type's constants) */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && value.equals(((ServiceEnum) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** @return the raw value */
    @Override
    public final String toString() {
        return value;
    }
}
