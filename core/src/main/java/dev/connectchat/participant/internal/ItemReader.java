package dev.connectchat.participant.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.connectchat.participant.model.AttachmentItem;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.MessageMetadata;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads an {@link Item} token by token: a pushed chat item is read for every message of every session, and the
 * data-binding reader of a record buffers its tokens before it calls the constructor (some 2.5 times the raw parse
 * in the fan-in profile). It reads what {@link Json#reader(Class)} reads and refuses what that refuses: strings
 * also from numbers and booleans, {@code null} for an empty timestamp, members it does not know skipped, nothing
 * after the object; the nested attachments and metadata, rare, are left to data binding.
 */
public final class ItemReader {
    /** Readers of a member, inside the item: the rest of the item follows them. */
    private static final ObjectReader ATTACHMENTS = Json.reader(AttachmentItem.class)
            .forType(new TypeReference<List<AttachmentItem>>() { })
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader METADATA = Json.reader(MessageMetadata.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ItemReader() {
    }

    /**
     * @param json an item's JSON
     * @return the item, or {@code null} for {@code null}
     * @throws IOException when it is not JSON or not an item
     */
    public static Item read(String json) throws IOException {
        try (JsonParser p = Json.TREE.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    return null;
                }
                throw MismatchedInputException.from(p, Item.class, "an item must be a JSON object");
            }
            Item item = members(p);
            if (p.nextToken() != null) {
                throw MismatchedInputException.from(p, Item.class, "something after the item");
            }
            return item;
        }
    }

    private static Item members(JsonParser p) throws IOException {
        Instant absoluteTime = null;
        String content = null;
        String contentType = null;
        String id = null;
        String type = null;
        String participantId = null;
        String displayName = null;
        String participantRole = null;
        List<AttachmentItem> attachments = null;
        MessageMetadata messageMetadata = null;
        String relatedContactId = null;
        String contactId = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "AbsoluteTime" -> absoluteTime = time(p);
                case "Content" -> content = text(p);
                case "ContentType" -> contentType = text(p);
                case "Id" -> id = text(p);
                case "Type" -> type = text(p);
                case "ParticipantId" -> participantId = text(p);
                case "DisplayName" -> displayName = text(p);
                case "ParticipantRole" -> participantRole = text(p);
                case "Attachments" -> attachments = nullOr(p, ATTACHMENTS);
                case "MessageMetadata" -> messageMetadata = nullOr(p, METADATA);
                case "RelatedContactId" -> relatedContactId = text(p);
                case "ContactId" -> contactId = text(p);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw MismatchedInputException.from(p, Item.class, "an item's members must be named");
        }
        return new Item(absoluteTime, content, contentType, id, type, participantId, displayName, participantRole,
                attachments, messageMetadata, relatedContactId, contactId);
    }

    /** A nested member, left to data binding: {@code null} for null. */
    private static <T> T nullOr(JsonParser p, ObjectReader reader) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : reader.readValue(p);
    }

    /** A string member, as data binding reads one: scalars as their text, {@code null} as null, never a structure. */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != null && t.isScalarValue()) {
            return p.getValueAsString();
        }
        p.skipChildren();
        throw MismatchedInputException.from(p, String.class, "a string member must not be an object or array");
    }

    /** A timestamp, as {@link Json}'s deserializer reads one. */
    private static Instant time(JsonParser p) throws IOException {
        try {
            return Json.readTimestamp(p);
        } catch (DateTimeParseException e) {
            throw MismatchedInputException.from(p, Instant.class, "not an ISO-8601 timestamp");
        }
    }
}
