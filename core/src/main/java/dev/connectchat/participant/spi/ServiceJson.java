package dev.connectchat.participant.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.connectchat.participant.internal.Json;

import java.time.Instant;

/**
 * The service's JSON as the client reads and writes it (member names of the models, the service's timestamp
 * form), for modules built on the client, such as the chat session. Only immutable readers and writers are
 * handed out: the mapper behind them cannot be reconfigured from outside.
 */
public final class ServiceJson {
    private ServiceJson() {
    }

    /**
     * @param type a model type, such as {@code Item}
     * @return a reader of that type, tolerant of members it does not know
     */
    public static ObjectReader reader(Class<?> type) {
        return Json.reader(type);
    }

    /** @return a reader of JSON trees */
    public static ObjectReader tree() {
        return Json.TREE;
    }

    /** @return a writer of models and trees in the service's form */
    public static ObjectWriter writer() {
        return Json.WRITER;
    }

    /**
     * @param instant a time
     * @return it in the service's form, e.g. {@code 2019-11-08T02:41:28.172Z}
     */
    public static String timestamp(Instant instant) {
        return Json.format(instant);
    }
}
