package dev.connectchat.participant.internal;

import dev.connectchat.participant.InvalidRequestException;
import dev.connectchat.participant.model.CancelParticipantAuthenticationRequest;
import dev.connectchat.participant.model.CompleteAttachmentUploadRequest;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.ContentTypes;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.DescribeViewRequest;
import dev.connectchat.participant.model.DisconnectParticipantRequest;
import dev.connectchat.participant.model.GetAttachmentRequest;
import dev.connectchat.participant.model.GetAuthenticationUrlRequest;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.ScanDirection;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SortKey;
import dev.connectchat.participant.model.StartAttachmentUploadRequest;
import dev.connectchat.participant.model.StartPosition;

import java.util.List;
import java.util.Map;

import static dev.connectchat.participant.internal.Check.known;
import static dev.connectchat.participant.internal.Check.list;
import static dev.connectchat.participant.internal.Check.number;
import static dev.connectchat.participant.internal.Check.oneOf;
import static dev.connectchat.participant.internal.Check.string;

/**
 * Every documented constraint of every operation's input, per the newest service model (which raised
 * {@code ChatContent} to 16384 and made {@code CreateParticipantConnection.Type} optional), plus the content
 * types and per-type content limits the service documents. Tokens are the {@code ParticipantToken} shape:
 * 1..1000 characters.

 */
final class RequestValidator {
    static final int TOKEN_MAX = 1000;
    static final int CHAT_CONTENT_MAX = 16384;

    /** What SendMessage accepts, with the longest content of each type. */
    static final Map<String, Integer> MESSAGE_CONTENT_LIMITS = Map.of(
            ContentTypes.TEXT_PLAIN, 1024,
            ContentTypes.TEXT_MARKDOWN, 1024,
            ContentTypes.APPLICATION_JSON, 12000,
            ContentTypes.INTERACTIVE_RESPONSE, 12288);

    /** What SendEvent accepts. */
    static final List<String> EVENT_CONTENT_TYPES = List.of(
            ContentTypes.TYPING, ContentTypes.MESSAGE_READ, ContentTypes.MESSAGE_DELIVERED,
            ContentTypes.CONNECTION_ACKNOWLEDGED);

    private RequestValidator() {
    }

    public static void validate(CompleteAttachmentUploadRequest r) {
        String op = "CompleteAttachmentUpload";
        list(op, "AttachmentIds", r.attachmentIds(), true, 1, 1);
        for (String id : r.attachmentIds()) {
            string(op, "AttachmentIds[]", id, true, 1, 256);
        }
        string(op, "ClientToken", r.clientToken(), true, 1, 500);
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(CreateParticipantConnectionRequest r) {
        String op = "CreateParticipantConnection";
        list(op, "Type", r.typeAsStrings(), false, 1, -1);
        if (r.typeAsStrings() != null) {
            for (String type : r.typeAsStrings()) {
                known(op, "Type[]", type, ConnectionType.knownValues());
            }
        }
        token(op, "ParticipantToken", r.participantToken());
    }

    public static void validate(DisconnectParticipantRequest r) {
        String op = "DisconnectParticipant";
        string(op, "ClientToken", r.clientToken(), false, 0, 500);
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(GetAttachmentRequest r) {
        String op = "GetAttachment";
        string(op, "AttachmentId", r.attachmentId(), true, 1, 256);
        token(op, "ConnectionToken", r.connectionToken());
        number(op, "UrlExpiryInSeconds", r.urlExpiryInSeconds(), false, 5, 300);
    }

    public static void validate(GetTranscriptRequest r) {
        String op = "GetTranscript";
        string(op, "ContactId", r.contactId(), false, 1, 256);
        number(op, "MaxResults", r.maxResults(), false, 0, 100);
        string(op, "NextToken", r.nextToken(), false, 1, 1000);
        known(op, "ScanDirection", r.scanDirectionAsString(), ScanDirection.knownValues());
        known(op, "SortOrder", r.sortOrderAsString(), SortKey.knownValues());
        StartPosition start = r.startPosition();
        if (start != null) {
            string(op, "StartPosition.Id", start.id(), false, 1, 256);
            number(op, "StartPosition.MostRecent", start.mostRecent(), false, 0, 100);
        }
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(SendEventRequest r) {
        String op = "SendEvent";
        string(op, "ContentType", r.contentType(), true, 1, 100);
        oneOf(op, "ContentType", r.contentType(), EVENT_CONTENT_TYPES);
        string(op, "Content", r.content(), false, 1, CHAT_CONTENT_MAX);
        string(op, "ClientToken", r.clientToken(), false, 0, 500);
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(SendMessageRequest r) {
        String op = "SendMessage";
        string(op, "ContentType", r.contentType(), true, 1, 100);
        oneOf(op, "ContentType", r.contentType(), MESSAGE_CONTENT_LIMITS.keySet());
        string(op, "Content", r.content(), true, 1, CHAT_CONTENT_MAX);
        int limit = MESSAGE_CONTENT_LIMITS.get(r.contentType());
        int length = r.content().codePointCount(0, r.content().length());
        if (length > limit) {
            throw new InvalidRequestException(op, "Content",
                    "length must be 1.." + limit + " for content type " + r.contentType() + ", was " + length);
        }
        string(op, "ClientToken", r.clientToken(), false, 0, 500);
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(StartAttachmentUploadRequest r) {
        String op = "StartAttachmentUpload";
        string(op, "ContentType", r.contentType(), true, 1, 255);
        number(op, "AttachmentSizeInBytes", r.attachmentSizeInBytes(), true, 1, Long.MAX_VALUE);
        string(op, "AttachmentName", r.attachmentName(), true, 1, 256);
        string(op, "ClientToken", r.clientToken(), true, 1, 500);
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(DescribeViewRequest r) {
        String op = "DescribeView";
        string(op, "ViewToken", r.viewToken(), true, 1, 1000);
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(GetAuthenticationUrlRequest r) {
        String op = "GetAuthenticationUrl";
        string(op, "SessionId", r.sessionId(), true, 36, 36);
        string(op, "RedirectUri", r.redirectUri(), true, 1, 1024);
        token(op, "ConnectionToken", r.connectionToken());
    }

    public static void validate(CancelParticipantAuthenticationRequest r) {
        String op = "CancelParticipantAuthentication";
        string(op, "SessionId", r.sessionId(), true, 36, 36);
        token(op, "ConnectionToken", r.connectionToken());
    }

    private static void token(String op, String member, String token) {
        string(op, member, token, true, 1, TOKEN_MAX);
    }
}
