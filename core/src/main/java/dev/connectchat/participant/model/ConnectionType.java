package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * A kind of connection CreateParticipantConnection can return.
 *
 * <p>Tolerant of values the service adds later: see {@link ServiceEnum}.
 */
public final class ConnectionType extends ServiceEnum {
    private static final EnumValues<ConnectionType> VALUES = new EnumValues<>(ConnectionType::new);

    /** WEBSOCKET. */
    public static final ConnectionType WEBSOCKET = VALUES.known("WEBSOCKET");

    /** CONNECTION_CREDENTIALS. */
    public static final ConnectionType CONNECTION_CREDENTIALS = VALUES.known("CONNECTION_CREDENTIALS");

    /** WEBRTC_CONNECTION. */
    public static final ConnectionType WEBRTC_CONNECTION = VALUES.known("WEBRTC_CONNECTION");

    private ConnectionType(String value, boolean known) {
        super(value, known);
    }

    /**
     * @param value the raw value
     * @return the constant of that value, or an unknown value that keeps the raw string
     */
    @JsonCreator
    public static ConnectionType of(String value) {
        return VALUES.of(value);
    }

    /** @return every value this library knows, in the model's order */
    public static Set<ConnectionType> knownValues() {
        return VALUES.all();
    }
}
