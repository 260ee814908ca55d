package dev.connectchat.participant.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/** The constants of one {@link ServiceEnum} type, and the parsing of raw strings into it. */
final class EnumValues<E extends ServiceEnum> {
    private final BiFunction<String, Boolean, E> factory;
    private final Map<String, E> known = new LinkedHashMap<>();

    EnumValues(BiFunction<String, Boolean, E> factory) {
        this.factory = factory;
    }

    E known(String value) {
        E constant = factory.apply(value, true);
        known.put(value, constant);
        return constant;
    }

    E of(String value) {
        Objects.requireNonNull(value, "value");
        E constant = known.get(value);
        return constant != null ? constant : factory.apply(value, false);
    }

    Set<E> all() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(known.values()));
    }
}
