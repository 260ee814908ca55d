package dev.connectchat.participant.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The service's timestamps, {@code 2019-11-08T02:41:28.172Z}, written and read without a mapper: apart from
 * {@link Json} so that a call whose codec needs no data binding (SendMessage) does not build the mapper.
 */
public final class Timestamps {
    /**
     * The service's timestamp form, ISO-8601 in UTC with milliseconds, e.g. {@code 2019-11-08T02:41:28.172Z}, as a
     * formatter: only for years outside 0000-9999, which {@link #format} leaves to it, so it is made on first use,
     * which nearly never comes.
     */
    private static final class WideYears {
        static final DateTimeFormatter TIMESTAMP =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    }

    private Timestamps() {
    }

    /**
     * @return the service's form of an instant, {@code uuuu-MM-ddTHH:mm:ss.SSSZ} in UTC, truncated to the
     *         millisecond; written without {@code DateTimeFormatter} (see {@link #parseServiceForm})
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long z = Math.floorDiv(seconds, 86_400) + 719_468; // civil from days (H. Hinnant), as daysFromCivil inverts
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9_999) {
            return WideYears.TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] out = "0000-00-00T00:00:00.000Z".toCharArray();
        put(out, 0, (int) year, 4);
        put(out, 5, month, 2);
        put(out, 8, day, 2);
        put(out, 11, secondOfDay / 3_600, 2);
        put(out, 14, secondOfDay / 60 % 60, 2);
        put(out, 17, secondOfDay % 60, 2);
        put(out, 20, instant.getNano() / 1_000_000, 3);
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** @return a timestamp given as a JSON number: epoch seconds, to the millisecond, as other AWS clients read it */
    static Instant ofEpochSeconds(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    /**
     * @return a timestamp given as JSON text, {@code null} when the text is null or empty
     * @throws DateTimeParseException for a text in no timestamp form, left to the caller to report
     */
    static Instant parseUnlessEmpty(String text) {
        return text == null || text.isEmpty() ? null : parse(text);
    }

    /**
     * Parses the service's timestamps; also takes other ISO-8601 offsets and epoch seconds, as other AWS
     * clients do.
     */
    public static Instant parse(String text) {
        Instant fast = parseServiceForm(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notZulu) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return Instant.ofEpochMilli(Math.round(Double.parseDouble(text) * 1000));
                } catch (NumberFormatException notEpoch) {
                    throw notZulu;
                }
            }
        }
    }

    /**
     * The service's own form, {@code uuuu-MM-ddTHH:mm:ss.SSSZ}, read without {@code DateTimeFormatter}, which
     * allocates some 2 KB per parse; every response and pushed item carries one or more.
     *
     * @return the instant, or {@code null} when {@code text} is in another form
     */
    static Instant parseServiceForm(String s) {
        if (s.length() != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = digits(s, 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0
                || day > daysInMonth(year, month)) {
            return null;
        }
        long epochDay = daysFromCivil(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Arithmetic, not {@code Month.length(Year.isLeap(y))}: {@code Year}'s class initialisation builds a
     * {@code DateTimeFormatter}, some 70 classes at the first answer of a process.
     */
    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
