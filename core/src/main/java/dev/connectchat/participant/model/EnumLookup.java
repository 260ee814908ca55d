package dev.connectchat.participant.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Parsing of wire strings into the service's enumerations, written once for all of them. */
final class EnumLookup {
    private EnumLookup() {
    }

    static <E extends Enum<E>> Map<String, E> byValue(E[] constants) {
        Map<String, E> map = new HashMap<>();
        for (E constant : constants) {
            map.put(constant.toString(), constant);
        }
        return Map.copyOf(map);
    }

    static <E extends Enum<E>> E find(Map<String, E> byValue, String value, E unknown) {
        if (value == null) {
            return null;
        }
        E constant = byValue.get(value);
        return constant != null && constant != unknown ? constant : unknown;
    }

    static <E extends Enum<E>> Set<E> known(E unknown) {
        EnumSet<E> known = EnumSet.allOf(unknown.getDeclaringClass());
        known.remove(unknown);
        return Collections.unmodifiableSet(known);
    }
}
