package dev.connectchat.participant.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free reader and writer of the service's timestamps agree with the JDK's everywhere. */
class TimestampsTest {

    @Test
    void agreesWithInstantParseOnRandomInstants() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong() % 253_402_300_799_000L)
                    .truncatedTo(ChronoUnit.MILLIS);
            if (instant.isBefore(Instant.parse("0000-01-01T00:00:00Z"))) {
                continue;
            }
            String text = Timestamps.format(instant);
            assertThat(Timestamps.parseServiceForm(text)).as(text).isEqualTo(instant).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void writesWhatThePatternFormatterWrites() {
        java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            // years -9999 to 19999, nanoseconds too: the service's form truncates them to the millisecond
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 568_000_000_000L, random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(instant)).as(instant.toString())
                    .isEqualTo(pattern.format(instant.truncatedTo(ChronoUnit.MILLIS)));
        }
        for (String edge : new String[]{"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999Z",
                "1970-01-01T00:00:00Z", "2024-02-29T12:34:56.789Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(Timestamps.format(instant)).as(edge).isEqualTo(pattern.format(instant.truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    @Test
    void leapDaysAndEdges() {
        for (String text : new String[]{"2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00.000Z",
                "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2100-03-01T12:00:00.001Z"}) {
            assertThat(Timestamps.parseServiceForm(text)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void knowsTheLengthOfEveryMonthAsTheCalendarDoes() {
        for (int year = 1596; year <= 2404; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 27; day <= 32; day++) {
                    String text = String.format("%04d-%02d-%02dT00:00:00.000Z", year, month, day);
                    boolean exists = day <= java.time.YearMonth.of(year, month).lengthOfMonth();
                    assertThat(Timestamps.parseServiceForm(text)).as(text)
                            .isEqualTo(exists ? Instant.parse(text) : null);
                }
            }
        }
    }

    @Test
    void otherFormsFallBackToTheGeneralParser() {
        assertThat(Timestamps.parseServiceForm("2023-02-29T00:00:00.000Z")).isNull();
        assertThat(Timestamps.parseServiceForm("2024-07-14T22:18:39Z")).isNull();
        assertThat(Timestamps.parseServiceForm("2024-07-14T25:18:39.000Z")).isNull();
        assertThat(Timestamps.parse("2024-07-14T22:18:39Z")).isEqualTo(Instant.parse("2024-07-14T22:18:39Z"));
        assertThat(Timestamps.parse("2024-07-14T22:18:39.123456Z")).isEqualTo(Instant.parse("2024-07-14T22:18:39.123456Z"));
    }
}
