package dev.connectchat.participant.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies for the model records. Unlike {@link List#copyOf}, null elements are kept, so that a bad
 * request is reported by validation (a typed error through the publisher) rather than by a
 * {@link NullPointerException} in a builder.
 */
public final class Lists {
    private Lists() {
    }

    /** @return an immutable copy, empty for {@code null} (response members are never null) */
    public static <T> List<T> copyOf(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** @return an immutable copy, or {@code null} (an absent request member stays absent) */
    public static <T> List<T> copyOfOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** @return an immutable copy of the varargs */
    @SafeVarargs
    public static <T> List<T> of(T... values) {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }

    /** @return an immutable copy, empty for {@code null} */
    public static <K, V> Map<K, V> copyOfMap(Map<K, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
