package dev.connectchat.participant.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free reader of the service's timestamps agrees with {@link Instant#parse} everywhere. */
class JsonTimestampTest {

    @Test
    void agreesWithInstantParseOnRandomInstants() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong() % 253_402_300_799_000L)
                    .truncatedTo(ChronoUnit.MILLIS);
            if (instant.isBefore(Instant.parse("0000-01-01T00:00:00Z"))) {
                continue;
            }
            String text = Json.format(instant);
            assertThat(Json.parseServiceForm(text)).as(text).isEqualTo(instant).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leapDaysAndEdges() {
        for (String text : new String[]{"2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00.000Z",
                "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2100-03-01T12:00:00.001Z"}) {
            assertThat(Json.parseServiceForm(text)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void otherFormsFallBackToTheGeneralParser() {
        assertThat(Json.parseServiceForm("2023-02-29T00:00:00.000Z")).isNull();
        assertThat(Json.parseServiceForm("2024-07-14T22:18:39Z")).isNull();
        assertThat(Json.parseServiceForm("2024-07-14T25:18:39.000Z")).isNull();
        assertThat(Json.parse("2024-07-14T22:18:39Z")).isEqualTo(Instant.parse("2024-07-14T22:18:39Z"));
        assertThat(Json.parse("2024-07-14T22:18:39.123456Z")).isEqualTo(Instant.parse("2024-07-14T22:18:39.123456Z"));
    }
}
