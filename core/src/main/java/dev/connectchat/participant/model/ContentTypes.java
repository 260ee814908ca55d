package dev.connectchat.participant.model;

/**
 * The content types the service documents for messages and events, as constants (the AWS SDK leaves them as
 * strings in its documentation). Messages take {@link #TEXT_PLAIN}, {@link #TEXT_MARKDOWN},
 * {@link #APPLICATION_JSON} and {@link #INTERACTIVE_RESPONSE}; events take {@link #TYPING}, {@link #MESSAGE_READ},
 * {@link #MESSAGE_DELIVERED} and {@link #CONNECTION_ACKNOWLEDGED}. The others are what the service sends.
 */
public final class ContentTypes {
    /** Plain text, up to 1,024 characters in a message. */
    public static final String TEXT_PLAIN = "text/plain";
    /** Markdown, up to 1,024 characters in a message. */
    public static final String TEXT_MARKDOWN = "text/markdown";
    /** JSON, up to 12,000 characters in a message. */
    public static final String APPLICATION_JSON = "application/json";
    /** An interactive message (list picker, time picker, panel, ...), sent by a flow or a bot. */
    public static final String INTERACTIVE = "application/vnd.amazonaws.connect.message.interactive";
    /** The customer's answer to an interactive message, up to 12,288 characters. */
    public static final String INTERACTIVE_RESPONSE = "application/vnd.amazonaws.connect.message.interactive.response";

    /** What every event's content type starts with; the event's name follows. */
    public static final String EVENT_PREFIX = "application/vnd.amazonaws.connect.event.";
    /** The participant is typing. */
    public static final String TYPING = EVENT_PREFIX + "typing";
    /** A read receipt; its content is {@code {"messageId":"..."}}. */
    public static final String MESSAGE_READ = EVENT_PREFIX + "message.read";
    /** A delivered receipt; its content is {@code {"messageId":"..."}}. */
    public static final String MESSAGE_DELIVERED = EVENT_PREFIX + "message.delivered";
    /** The participant acknowledges its connection (superseded by CreateParticipantConnection's ConnectParticipant). */
    public static final String CONNECTION_ACKNOWLEDGED = EVENT_PREFIX + "connection.acknowledged";

    private ContentTypes() {
    }
}
