package dev.connectchat.participant.websocket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A point in a chat's item stream, as Kafka offsets and SSE's {@code Last-Event-ID} are points in theirs: the
 * item's id and time, which is what the service's transcript can be read from. {@link ChatSession#items(ChatPosition)}
 * gives the items after it; {@link #START} is before the first item.
 *
 * <p>Its {@link #toString()} is opaque, URL- and header-safe ({@code p1.<epoch millis>.<base64url id>},
 * {@code t1.<epoch millis>} for a position {@link #at} a time, or {@code start}) and {@link #parse} reads it back:
 * store it in a database column, send it as an SSE event id or a Kafka header. It holds no secret.
 */
public final class ChatPosition {
    /** Before the first item of the chat: reading from here gives the whole transcript. */
    public static final ChatPosition START = new ChatPosition(null, null);

    private static final String PREFIX = "p1.";
    private static final String AT = "t1.";
    private static final String FORM = "position must be 'start', 'p1.<millis>.<id>' or 't1.<millis>', was ";

    private final String id;
    private final Instant time;

    private ChatPosition(String id, Instant time) {
        this.id = id;
        this.time = time;
    }

    /**
     * @param id the item's id
     * @param time the item's time
     * @return the position of that item
     */
    public static ChatPosition of(String id, Instant time) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        return new ChatPosition(id, time);
    }

    /**
     * @param time a time
     * @return the position at that time: reading on from it gives the items the service recorded from then on
     */
    public static ChatPosition at(Instant time) {
        Objects.requireNonNull(time, "time");
        return new ChatPosition(null, time);
    }

    /**
     * @param text what {@link #toString()} gave
     * @return the position
     * @throws IllegalArgumentException when {@code text} is not a position
     */
    public static ChatPosition parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException(FORM + "null");
        }
        if (text.equals("start")) {
            return START;
        }
        try {
            if (text.startsWith(AT)) {
                return at(Instant.ofEpochMilli(Long.parseLong(text.substring(AT.length()))));
            }
            int dot = text.indexOf('.', PREFIX.length());
            if (text.startsWith(PREFIX) && dot > 0 && dot < text.length() - 1) {
                long millis = Long.parseLong(text.substring(PREFIX.length(), dot));
                String id = new String(Base64.getUrlDecoder().decode(text.substring(dot + 1)), StandardCharsets.UTF_8);
                return of(id, Instant.ofEpochMilli(millis));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException(FORM + "'" + abbreviate(text) + "'", e);
        }
        throw new IllegalArgumentException(FORM + "'" + abbreviate(text) + "'");
    }

    /** @return the item's id, or {@code null} for {@link #START} and a position {@link #at} a time */
    public String id() {
        return id;
    }

    /** @return the item's time, or {@code null} for {@link #START} */
    public Instant time() {
        return time;
    }

    /** @return whether this is {@link #START} */
    public boolean isStart() {
        return id == null && time == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatPosition p && Objects.equals(id, p.id) && Objects.equals(time, p.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, time);
    }

    /** @return the opaque, round-tripping form: {@code start}, {@code p1.<epoch millis>.<base64url id>} or {@code t1.<epoch millis>} */
    @Override
    public String toString() {
        if (isStart()) {
            return "start";
        }
        return id == null ? AT + time.toEpochMilli() : PREFIX + time.toEpochMilli() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
