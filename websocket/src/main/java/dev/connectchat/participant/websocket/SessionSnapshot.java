package dev.connectchat.participant.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.spi.ServiceJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ChatSession} needs to go on elsewhere: in another process, on another machine, after a restart.
 * {@link ChatSession#resume} continues from it without a new CreateParticipantConnection while its connection
 * token and socket URL live, and with one when they have expired (from the participant token it also holds).
 *
 * <p><b>It holds secrets</b> (the participant and connection tokens): {@link #toString()} redacts them, but
 * {@link #encode()} does not. Store encoded snapshots as you store credentials: encrypted at rest, readable only by
 * the service that resumes them, deleted when the chat ends.
 */
public final class SessionSnapshot {
    private static final int VERSION = 1;

    private final String participantToken;
    private final String connectionToken;
    private final Instant connectionExpiry;
    private final String webSocketUrl;
    private final Instant webSocketExpiry;
    private final ChatPosition position;
    private final List<ChatParticipant> participants;

    SessionSnapshot(Map<String, Object> values) {
        this.participantToken = (String) values.get("participantToken");
        this.connectionToken = (String) values.get("connectionToken");
        this.connectionExpiry = (Instant) values.get("connectionExpiry");
        this.webSocketUrl = (String) values.get("webSocketUrl");
        this.webSocketExpiry = (Instant) values.get("webSocketExpiry");
        this.position = Objects.requireNonNullElse((ChatPosition) values.get("position"), ChatPosition.START);
        @SuppressWarnings("unchecked")
        List<ChatParticipant> ps = (List<ChatParticipant>) values.get("participants");
        this.participants = ps == null ? null : List.copyOf(ps);
        if (participantToken == null || participantToken.isEmpty()) {
            throw new IllegalArgumentException("a session snapshot needs the participant token");
        }
    }

    /** @return the position of the last item the session delivered; its resumed {@code items()} start after it */
    public ChatPosition position() {
        return position;
    }

    /**
     * @param delivered the position of the last item the application handled, when it tracks its own (an item
     *                  it read through {@link ChatSession#items(ChatPosition)}, say)
     * @return this snapshot with that position
     */
    public SessionSnapshot withPosition(ChatPosition delivered) {
        Map<String, Object> values = values();
        values.put("position", Objects.requireNonNull(delivered, "delivered"));
        return new SessionSnapshot(values);
    }

    /** @return the chat's participants when the session knew them, else an empty list */
    public List<ChatParticipant> participants() {
        return participants == null ? List.of() : participants;
    }

    String participantToken() {
        return participantToken;
    }

    String connectionToken() {
        return connectionToken;
    }

    Instant connectionExpiry() {
        return connectionExpiry;
    }

    String webSocketUrl() {
        return webSocketUrl;
    }

    Instant webSocketExpiry() {
        return webSocketExpiry;
    }

    List<ChatParticipant> knownParticipants() {
        return participants;
    }

    /** @return a compact, URL-safe string (base64url of a small JSON object) that {@link #decode} reads back */
    public String encode() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode().put("v", VERSION).put("pt", participantToken).put("ct", connectionToken)
                .put("wu", webSocketUrl).put("pos", position.toString());
        if (connectionExpiry != null) {
            o.put("ce", connectionExpiry.toEpochMilli());
        }
        if (webSocketExpiry != null) {
            o.put("we", webSocketExpiry.toEpochMilli());
        }
        if (participants != null) {
            ArrayNode list = o.putArray("ps");
            for (ChatParticipant p : participants) {
                list.addObject().put("id", p.participantId()).put("n", p.displayName())
                        .put("r", p.roleAsString()).put("i", p.idle());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param encoded what {@link #encode()} gave
     * @return the snapshot
     * @throws IllegalArgumentException when {@code encoded} is not a session snapshot this version can read
     */
    public static SessionSnapshot decode(String encoded) {
        JsonNode o;
        try {
            o = ServiceJson.tree().readTree(Base64.getUrlDecoder().decode(Objects.requireNonNull(encoded, "encoded")));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded session snapshot: " + e.getClass().getSimpleName(), e);
        }
        if (o == null || o.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("not an encoded session snapshot of version " + VERSION);
        }
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("participantToken", text(o, "pt"));
        values.put("connectionToken", text(o, "ct"));
        values.put("webSocketUrl", text(o, "wu"));
        values.put("connectionExpiry", o.hasNonNull("ce") ? Instant.ofEpochMilli(o.get("ce").asLong()) : null);
        values.put("webSocketExpiry", o.hasNonNull("we") ? Instant.ofEpochMilli(o.get("we").asLong()) : null);
        values.put("position", ChatPosition.parse(o.path("pos").asText("start")));
        if (o.has("ps")) {
            List<ChatParticipant> ps = new ArrayList<>();
            for (JsonNode p : o.get("ps")) {
                ps.add(new ChatParticipant(text(p, "id"), text(p, "n"),
                        text(p, "r"), p.path("i").asBoolean()));
            }
            values.put("participants", ps);
        }
        return new SessionSnapshot(values);
    }

    private static String text(JsonNode o, String name) {
        return o.hasNonNull(name) ? o.get(name).asText() : null;
    }

    private Map<String, Object> values() {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("participantToken", participantToken);
        values.put("connectionToken", connectionToken);
        values.put("connectionExpiry", connectionExpiry);
        values.put("webSocketUrl", webSocketUrl);
        values.put("webSocketExpiry", webSocketExpiry);
        values.put("position", position);
        values.put("participants", participants);
        return values;
    }

    /** Prints the position and expiries; never the tokens or the socket URL (which carries a token). */
    @Override
    public String toString() {
        return "SessionSnapshot[position=" + position + ", participantToken=***, connectionToken="
                + (connectionToken == null ? "null" : "***") + ", connectionExpiry=" + connectionExpiry
                + ", webSocketUrl=" + (webSocketUrl == null ? "null" : "***") + ", webSocketExpiry=" + webSocketExpiry
                + ", participants=" + (participants == null ? "unknown" : participants.size()) + "]";
    }
}
