package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * checks of the service model (read from the model file by {@link ServiceModel}, never the client's own) and
 * of {@link ContentRules}, and the documented behaviour of each operation.
 */
final class RestApi {
    private static final String BEARER = "X-Amz-Bearer";

    /** Made up front, so that no event loop builds a deserializer (under Jackson's lock) at first use. */
    private static final Map<Class<?>, ObjectReader> READERS = readers(CreateParticipantConnectionRequest.class,
            SendMessageRequest.class, SendEventRequest.class, DisconnectParticipantRequest.class,
            GetTranscriptRequest.class, StartAttachmentUploadRequest.class, CompleteAttachmentUploadRequest.class,
            GetAttachmentRequest.class, GetAuthenticationUrlRequest.class, CancelParticipantAuthenticationRequest.class);

    private final EmulatorState state;

    private static Map<Class<?>, ObjectReader> readers(Class<?>... types) {
        Map<Class<?>, ObjectReader> readers = new java.util.HashMap<>();
        for (Class<?> type : types) {
            readers.put(type, EmulatorJson.reader(type));
        }
        return Map.copyOf(readers);
    }

    RestApi(EmulatorState state) {
        this.state = state;
        // read the model file now, at start-up: on an event loop, the first request would block reading it
        java.util.Objects.requireNonNull(ServiceModel.PARTICIPANT);
    }

    /**
     * @param base {@code http://host:port} as the client called us, for the URLs we hand out
     * @return the answer; errors are thrown as {@link ServiceError}
     */
    Answer handle(String method, String path, String bearer, byte[] body, String base) {
        if (method.equals("GET") && path.startsWith("/participant/views/")) {
            connection(bearer);
            String viewToken = URLDecoder.decode(path.substring("/participant/views/".length()), StandardCharsets.UTF_8);
            checked("DescribeView", EmulatorJson.object(), Map.of(BEARER, bearer == null ? "" : bearer, "ViewToken", viewToken));
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
                return createParticipantConnection(bearer, body, base);
            case "/participant/message":
                return sendMessage(connection(bearer), input("SendMessage", body, bearer, SendMessageRequest.class));
            case "/participant/event":
                return sendEvent(connection(bearer), input("SendEvent", body, bearer, SendEventRequest.class));
            case "/participant/disconnect":
                return disconnect(connection(bearer), input("DisconnectParticipant", body, bearer, DisconnectParticipantRequest.class));
            case "/participant/transcript":
                return transcript(connection(bearer), input("GetTranscript", body, bearer, GetTranscriptRequest.class));
            case "/participant/start-attachment-upload":
                return startUpload(connection(bearer), input("StartAttachmentUpload", body, bearer, StartAttachmentUploadRequest.class), base);
            case "/participant/complete-attachment-upload":
                return completeUpload(connection(bearer), input("CompleteAttachmentUpload", body, bearer, CompleteAttachmentUploadRequest.class));
            case "/participant/attachment":
                return getAttachment(connection(bearer), input("GetAttachment", body, bearer, GetAttachmentRequest.class), base);
            case "/participant/authentication-url":
                return authenticationUrl(connection(bearer), input("GetAuthenticationUrl", body, bearer, GetAuthenticationUrlRequest.class), base);
            case "/participant/cancel-authentication":
                return cancelAuthentication(connection(bearer), input("CancelParticipantAuthentication", body, bearer, CancelParticipantAuthenticationRequest.class));
            default:
                throw new ServiceError(404, "UnknownOperationException", "No operation at " + path);
        }
    }

    private Answer createParticipantConnection(String token, byte[] body, String base) {
        ChatRoom room = state.byParticipantToken(token);
        if (room == null || room.ended() || room.customer.left) {
            throw ServiceError.accessDenied("Access denied");
        }
        CreateParticipantConnectionRequest request =
                input("CreateParticipantConnection", body, token, CreateParticipantConnectionRequest.class);
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
        ContentRules.message(request.contentType(), request.content());
        Item item = grant.room.idempotent("SendMessage", grant.participant, request.clientToken(), () -> grant.room.add(
                grant.room.message(grant.participant, request.contentType(), request.content()), true));
        return Answer.json(SendMessageResponse.builder().id(item.id()).absoluteTime(item.absoluteTime()).build());
    }

    private Answer sendEvent(Grant grant, SendEventRequest request) {
        String name = ContentRules.event(request.contentType());
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
            JsonNode node = content == null ? null : EmulatorJson.tree(content);
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
        grant.room.idempotent("DisconnectParticipant", grant.participant, request.clientToken(), () -> {
            grant.participant.left = true;
            return grant.room.add(grant.room.event(grant.participant, "participant.left", null), true);
        });
        return Answer.json(DisconnectParticipantResponse.builder().build());
    }

    private Answer transcript(Grant grant, GetTranscriptRequest request) {
        if (request.contactId() != null && !request.contactId().equals(grant.room.contactId)) {
            throw ServiceError.validation("Unknown contact " + request.contactId());
        }
        return Answer.json(grant.room.page(request));
    }

    private Answer startUpload(Grant grant, StartAttachmentUploadRequest request, String base) {
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
        grant.room.idempotent("CompleteAttachmentUpload", grant.participant, request.clientToken(),
                () -> grant.room.attachments.complete(grant.participant, request.attachmentIds().get(0)));
        return Answer.json(CompleteAttachmentUploadResponse.builder().build());
    }

    private Answer getAttachment(Grant grant, GetAttachmentRequest request, String base) {
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
        if (!grant.room.authSession(request.sessionId(), null)) {
            throw ServiceError.validation("Unknown or ended authentication session");
        }
        return Answer.json(GetAuthenticationUrlResponse.builder()
                .authenticationUrl(base + "/authenticate?contact=" + grant.room.contactId + "&session="
                        + request.sessionId() + "&redirect=" + URLEncoder.encode(request.redirectUri(), StandardCharsets.UTF_8))
                .build());
    }

    private Answer cancelAuthentication(Grant grant, CancelParticipantAuthenticationRequest request) {
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

    /** The body as the operation's input: checked against the service model, then read as its model type. */
    private static <T> T input(String operation, byte[] body, String bearer, Class<T> type) {
        ObjectNode json;
        try {
            JsonNode tree = EmulatorJson.tree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            if (tree == null || !tree.isObject()) {
                throw ServiceError.validation("The body must be a JSON object");
            }
            json = (ObjectNode) tree;
        } catch (IOException e) {
            throw ServiceError.validation("The body is not a valid request: " + e.getClass().getSimpleName());
        }
        checked(operation, json, Map.of(BEARER, bearer == null ? "" : bearer));
        try {
            return READERS.get(type).readValue(json);
        } catch (IOException e) {
            throw ServiceError.validation("The body is not a valid request: " + e.getClass().getSimpleName());
        }
    }

    private static void checked(String operation, ObjectNode body, Map<String, String> bound) {
        List<String> errors = ServiceModel.PARTICIPANT.check(operation,
                ServiceModel.PARTICIPANT.input(operation, body, bound));
        if (!errors.isEmpty()) {
            throw ServiceError.validation(errors.size() + " validation error" + (errors.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", errors));
        }
    }
}
