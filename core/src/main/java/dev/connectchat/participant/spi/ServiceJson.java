package dev.connectchat.participant.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.connectchat.participant.internal.ItemReader;
import dev.connectchat.participant.internal.Json;
import dev.connectchat.participant.internal.Timestamps;
import dev.connectchat.participant.model.Item;

import java.io.IOException;
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

    /**
     * Reads a chat item as {@link #reader(Class) reader(Item.class)} does, token by token: for the items pushed to
     * every session, where data binding costs more than the rest of the way.
     *
     * @param json an item's JSON
     * @return the item, or {@code null} for {@code null}
     * @throws IOException when it is not JSON or not an item
     */
    public static Item item(String json) throws IOException {
        return ItemReader.read(json);
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
        return Timestamps.format(instant);
    }
}
