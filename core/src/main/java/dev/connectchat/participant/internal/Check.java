package dev.connectchat.participant.internal;

import dev.connectchat.participant.InvalidRequestException;

import java.util.Collection;
import java.util.List;

/**
 * The checks of the service model's constraints, each throwing an {@link InvalidRequestException} that
 * names the operation, the member and the rule. String lengths count Unicode code points, as the model's
 * length traits do.
 */
final class Check {
    private Check() {
    }

    /** A string member: required or not, and its length within {@code min..max} (max -1: unbounded). */
    static void string(String op, String member, String value, boolean required, int min, int max) {
        if (value == null) {
            if (required) {
                throw new InvalidRequestException(op, member, "is required");
            }
            return;
        }
        int length = codePoints(op, member, value);
        if (length < min || (max >= 0 && length > max)) {
            throw new InvalidRequestException(op, member, "length must be " + range(min, max) + ", was " + length);
        }
    }

    /**
     * @return the number of code points of {@code value}
     * @throws InvalidRequestException for a lone surrogate: it has no UTF-8 form, so no JSON body could carry it
     */
    private static int codePoints(String op, String member, String value) {
        int length = 0;
        for (int i = 0; i < value.length(); i++, length++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new InvalidRequestException(op, member, "must be Unicode text: a lone surrogate (U+"
                            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at index " + i);
                }
                i++;
            }
        }
        return length;
    }

    static void number(String op, String member, Number value, boolean required, long min, long max) {
        if (value == null) {
            if (required) {
                throw new InvalidRequestException(op, member, "is required");
            }
            return;
        }
        long v = value.longValue();
        if (v < min || v > max) {
            throw new InvalidRequestException(op, member,
                    "must be " + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max)
                            + ", was " + v);
        }
    }

    static void list(String op, String member, List<?> value, boolean required, int min, int max) {
        if (value == null) {
            if (required) {
                throw new InvalidRequestException(op, member, "is required");
            }
            return;
        }
        if (value.size() < min || (max >= 0 && value.size() > max)) {
            throw new InvalidRequestException(op, member,
                    "must have " + range(min, max) + " entries, was " + value.size());
        }
        for (Object entry : value) {
            if (entry == null) {
                throw new InvalidRequestException(op, member, "must not contain null entries");
            }
        }
    }

    static void known(String op, String member, String value, Collection<? extends Enum<?>> known) {
        if (value != null && known.stream().noneMatch(constant -> constant.toString().equals(value))) {
            throw new InvalidRequestException(op, member, "must be one of " + known + ", was '" + value + "'");
        }
    }

    static void oneOf(String op, String member, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new InvalidRequestException(op, member, "must be one of " + allowed + ", was '" + value + "'");
        }
    }

    private static String range(int min, int max) {
        if (max < 0) {
            return "at least " + min;
        }
        return min == max ? "exactly " + min : min + ".." + max;
    }
}
