package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.connectchat.participant.InvalidRequestException;
import dev.connectchat.participant.internal.Json;
import dev.connectchat.participant.internal.RequestValidator;
import dev.connectchat.participant.model.Attendee;
import dev.connectchat.participant.model.AudioFeatures;
import dev.connectchat.participant.model.CancelParticipantAuthenticationRequest;
import dev.connectchat.participant.model.CancelParticipantAuthenticationResponse;
import dev.connectchat.participant.model.CompleteAttachmentUploadRequest;
import dev.connectchat.participant.model.CompleteAttachmentUploadResponse;
import dev.connectchat.participant.model.ConnectionCredentials;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import dev.connectchat.participant.model.DescribeViewRequest;
import dev.connectchat.participant.model.DescribeViewResponse;
import dev.connectchat.participant.model.DisconnectParticipantRequest;
import dev.connectchat.participant.model.DisconnectParticipantResponse;
import dev.connectchat.participant.model.GetAttachmentRequest;
import dev.connectchat.participant.model.GetAttachmentResponse;
import dev.connectchat.participant.model.GetAuthenticationUrlRequest;
import dev.connectchat.participant.model.GetAuthenticationUrlResponse;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.MeetingFeatureStatus;
import dev.connectchat.participant.model.MeetingFeaturesConfiguration;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendEventResponse;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.model.StartAttachmentUploadRequest;
import dev.connectchat.participant.model.StartAttachmentUploadResponse;
import dev.connectchat.participant.model.UploadMetadata;
import dev.connectchat.participant.model.View;
import dev.connectchat.participant.model.WebRTCConnection;
import dev.connectchat.participant.model.WebRTCMediaPlacement;
import dev.connectchat.participant.model.WebRTCMeeting;
import dev.connectchat.participant.model.Websocket;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service's REST operations on the emulator's state: authentication by {@code X-Amz-Bearer}, the
 * model's checks, and the documented behaviour of each operation.
 */
final class RestApi {
    private static final String EVENT = ChatRoom.EVENT;

    /** Made up front, so that no event loop builds a deserializer (under Jackson's lock) at first use. */
    private static final Map<Class<?>, ObjectReader> READERS = readers(CreateParticipantConnectionRequest.class,
            SendMessageRequest.class, SendEventRequest.class, DisconnectParticipantRequest.class,
            GetTranscriptRequest.class, StartAttachmentUploadRequest.class, CompleteAttachmentUploadRequest.class,
            GetAttachmentRequest.class, GetAuthenticationUrlRequest.class, CancelParticipantAuthenticationRequest.class);

    private final EmulatorState state;

    private static Map<Class<?>, ObjectReader> readers(Class<?>... types) {
        Map<Class<?>, ObjectReader> readers = new java.util.HashMap<>();
        for (Class<?> type : types) {
            readers.put(type, Json.reader(type));
        }
        return Map.copyOf(readers);
    }

    RestApi(EmulatorState state) {
        this.state = state;
    }

    /**
     * @param base {@code http://host:port} as the client called us, for the URLs we hand out
     * @return the answer; errors are thrown as {@link ServiceError}
     */
    Answer handle(String method, String path, String bearer, byte[] body, String base) {
        if (method.equals("GET") && path.startsWith("/participant/views/")) {
            connection(bearer);
            String viewToken = URLDecoder.decode(path.substring("/participant/views/".length()), StandardCharsets.UTF_8);
            check(() -> RequestValidator.validate(DescribeViewRequest.builder().viewToken(viewToken)
                    .connectionToken(bearer).build()));
            View view = state.view(viewToken);
            if (view == null) {
                throw ServiceError.notFound("View not found");
            }
            return Answer.json(DescribeViewResponse.builder().view(view).build());
        }
        if (!method.equals("POST")) {
            throw new ServiceError(404, "UnknownOperationException", "No operation at " + method + " " + path);
        }
        switch (path) {
            case "/participant/connection":
                return createParticipantConnection(bearer, read(body, CreateParticipantConnectionRequest.class), base);
            case "/participant/message":
                return sendMessage(connection(bearer), read(body, SendMessageRequest.class));
            case "/participant/event":
                return sendEvent(connection(bearer), read(body, SendEventRequest.class));
            case "/participant/disconnect":
                return disconnect(connection(bearer), read(body, DisconnectParticipantRequest.class));
            case "/participant/transcript":
                return transcript(connection(bearer), read(body, GetTranscriptRequest.class));
            case "/participant/start-attachment-upload":
                return startUpload(connection(bearer), read(body, StartAttachmentUploadRequest.class), base);
            case "/participant/complete-attachment-upload":
                return completeUpload(connection(bearer), read(body, CompleteAttachmentUploadRequest.class));
            case "/participant/attachment":
                return getAttachment(connection(bearer), read(body, GetAttachmentRequest.class), base);
            case "/participant/authentication-url":
                return authenticationUrl(connection(bearer), read(body, GetAuthenticationUrlRequest.class), base);
            case "/participant/cancel-authentication":
                return cancelAuthentication(connection(bearer), read(body, CancelParticipantAuthenticationRequest.class));
            default:
                throw new ServiceError(404, "UnknownOperationException", "No operation at " + path);
        }
    }

    private Answer createParticipantConnection(String token, CreateParticipantConnectionRequest request, String base) {
        ChatRoom room = state.byParticipantToken(token);
        if (room == null || room.ended() || room.customer.left) {
            throw ServiceError.accessDenied("Access denied");
        }
        check(() -> RequestValidator.validate(request.toBuilder().participantToken(token).build()));
        List<ConnectionType> types = request.type() == null
                ? List.of(ConnectionType.WEBSOCKET, ConnectionType.CONNECTION_CREDENTIALS) : request.type();
        CreateParticipantConnectionResponse.Builder response = CreateParticipantConnectionResponse.builder();
        if (types.contains(ConnectionType.WEBSOCKET)) {
            Grant url = state.issueUrl(room, room.customer);
            response.websocket(Websocket.builder()
                    .url(base.replaceFirst("^http", "ws") + "/connect?token=" + url.token)
                    .connectionExpiry(url.expiresAt).build());
        }
        if (types.contains(ConnectionType.CONNECTION_CREDENTIALS)) {
            Grant connection = state.issueConnectionToken(room, room.customer);
            response.connectionCredentials(ConnectionCredentials.builder().connectionToken(connection.token)
                    .expiry(connection.expiresAt).build());
        }
        if (types.contains(ConnectionType.WEBRTC_CONNECTION)) {
            response.webRTCConnection(WebRTCConnection.builder()
                    .attendee(Attendee.builder().attendeeId(ItemIds.uuid()).joinToken(ItemIds.token("JT", 32)).build())
                    .meeting(WebRTCMeeting.builder().meetingId(ItemIds.uuid())
                            .mediaPlacement(WebRTCMediaPlacement.builder().audioHostUrl(base + "/webrtc/audio")
                                    .audioFallbackUrl(base + "/webrtc/fallback").signalingUrl(base + "/webrtc/signal")
                                    .eventIngestionUrl(base + "/webrtc/events").build())
                            .meetingFeatures(MeetingFeaturesConfiguration.builder().audio(AudioFeatures.builder()
                                    .echoReduction(MeetingFeatureStatus.AVAILABLE).build()).build())
                            .build())
                    .build());
        }
        return Answer.json(response.build());
    }

    private Answer sendMessage(Grant grant, SendMessageRequest request) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token)
                .clientToken(request.clientToken() == null ? "" : request.clientToken()).build()));
        Item item = grant.room.idempotent("SendMessage", grant.participant, request.clientToken(), () -> grant.room.add(
                grant.room.message(grant.participant, request.contentType(), request.content()), true));
        return Answer.json(SendMessageResponse.builder().id(item.id()).absoluteTime(item.absoluteTime()).build());
    }

    private Answer sendEvent(Grant grant, SendEventRequest request) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        String name = request.contentType().substring(EVENT.length());
        Item item = grant.room.idempotent("SendEvent", grant.participant, request.clientToken(), () -> {
            if (name.equals("message.read") || name.equals("message.delivered")) {
                String messageId = messageIdOf(request.content());
                if (!grant.room.hasItem(messageId)) {
                    throw ServiceError.validation("Unknown message " + messageId);
                }
                return grant.room.receipt(grant.participant, name, messageId);
            }
            return grant.room.add(grant.room.event(grant.participant, name, request.content()), false);
        });
        return Answer.json(SendEventResponse.builder().id(item.id()).absoluteTime(item.absoluteTime()).build());
    }

    private static String messageIdOf(String content) {
        try {
            JsonNode node = content == null ? null : Json.TREE.readTree(content);
            JsonNode id = node == null ? null : node.get("messageId");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                throw ServiceError.validation("A receipt's Content must be {\"messageId\":\"<id>\"}");
            }
            return id.asText();
        } catch (IOException e) {
            throw ServiceError.validation("A receipt's Content must be {\"messageId\":\"<id>\"}");
        }
    }

    private Answer disconnect(Grant grant, DisconnectParticipantRequest request) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        grant.room.idempotent("DisconnectParticipant", grant.participant, request.clientToken(), () -> {
            grant.participant.left = true;
            return grant.room.add(grant.room.event(grant.participant, "participant.left", null), true);
        });
        return Answer.json(DisconnectParticipantResponse.builder().build());
    }

    private Answer transcript(Grant grant, GetTranscriptRequest request) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        if (request.contactId() != null && !request.contactId().equals(grant.room.contactId)) {
            throw ServiceError.validation("Unknown contact " + request.contactId());
        }
        return Answer.json(grant.room.page(request));
    }

    private Answer startUpload(Grant grant, StartAttachmentUploadRequest request, String base) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        Instant expiry = state.now().plusSeconds(300);
        AttachmentStore.Attachment a = grant.room.idempotent("StartAttachmentUpload", grant.participant,
                request.clientToken(), () -> grant.room.attachments.start(grant.participant,
                        request.attachmentName(), request.contentType(), request.attachmentSizeInBytes(), expiry));
        return Answer.json(StartAttachmentUploadResponse.builder().attachmentId(a.id)
                .uploadMetadata(UploadMetadata.builder()
                        .url(base + "/storage/" + grant.room.contactId + "/" + a.id + "?X-Amz-Signature=" + a.signature)
                        .urlExpiry(a.uploadExpiry).headersToInclude(a.headersToInclude()).build())
                .build());
    }

    private Answer completeUpload(Grant grant, CompleteAttachmentUploadRequest request) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        grant.room.idempotent("CompleteAttachmentUpload", grant.participant, request.clientToken(),
                () -> grant.room.attachments.complete(grant.participant, request.attachmentIds().get(0)));
        return Answer.json(CompleteAttachmentUploadResponse.builder().build());
    }

    private Answer getAttachment(Grant grant, GetAttachmentRequest request, String base) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        AttachmentStore.Attachment a = grant.room.attachments.get(request.attachmentId());
        if (a == null || a.bytes == null) {
            throw ServiceError.validation("No approved attachment " + request.attachmentId());
        }
        int seconds = request.urlExpiryInSeconds() == null ? 300 : request.urlExpiryInSeconds();
        Instant expiry = state.now().plusSeconds(seconds);
        return Answer.json(GetAttachmentResponse.builder()
                .url(base + "/storage/" + grant.room.contactId + "/" + a.id + "?X-Amz-Signature=" + a.signature
                        + "&X-Amz-Expires-At=" + expiry.toEpochMilli())
                .urlExpiry(expiry).attachmentSizeInBytes(a.size).build());
    }

    private Answer authenticationUrl(Grant grant, GetAuthenticationUrlRequest request, String base) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        if (!grant.room.authSession(request.sessionId(), null)) {
            throw ServiceError.validation("Unknown or ended authentication session");
        }
        return Answer.json(GetAuthenticationUrlResponse.builder()
                .authenticationUrl(base + "/authenticate?contact=" + grant.room.contactId + "&session="
                        + request.sessionId() + "&redirect=" + URLEncoder.encode(request.redirectUri(), StandardCharsets.UTF_8))
                .build());
    }

    private Answer cancelAuthentication(Grant grant, CancelParticipantAuthenticationRequest request) {
        check(() -> RequestValidator.validate(request.toBuilder().connectionToken(grant.token).build()));
        if (!grant.room.authSession(request.sessionId(), "cancelled")) {
            throw ServiceError.validation("Unknown or ended authentication session");
        }
        return Answer.json(CancelParticipantAuthenticationResponse.builder().build());
    }

    /** A connection token that works: issued, not expired, its participant still in a chat that goes on. */
    private Grant connection(String token) {
        Grant grant = state.connection(token);
        if (grant == null || grant.participant.left || grant.room.ended()) {
            throw ServiceError.accessDenied("Access denied");
        }
        return grant;
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = READERS.get(type).readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            if (value == null) {
                throw ServiceError.validation("The body must be a JSON object");
            }
            return value;
        } catch (IOException e) {
            throw ServiceError.validation("The body is not a valid request: " + e.getClass().getSimpleName());
        }
    }

    private static void check(Runnable validation) {
        try {
            validation.run();
        } catch (InvalidRequestException e) {
            throw ServiceError.validation("1 validation error detected: " + e.member() + " " + e.rule());
        }
    }
}
