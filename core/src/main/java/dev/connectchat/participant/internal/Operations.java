package dev.connectchat.participant.internal;

import dev.connectchat.participant.model.CancelParticipantAuthenticationRequest;
import dev.connectchat.participant.model.CancelParticipantAuthenticationResponse;
import dev.connectchat.participant.model.CompleteAttachmentUploadRequest;
import dev.connectchat.participant.model.CompleteAttachmentUploadResponse;
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
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendEventResponse;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.model.StartAttachmentUploadRequest;
import dev.connectchat.participant.model.StartAttachmentUploadResponse;
import io.netty.handler.codec.http.HttpMethod;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The eleven operations of the service: paths and tokens per the service model. Each in a holder class of its own,
 * set up at its first call: a process that only sends messages does not load the other operations' models and
 * functions (some 90 classes at start-up).
 */
final class Operations {
    static final class CompleteAttachmentUpload {
        static final Operation<CompleteAttachmentUploadRequest, CompleteAttachmentUploadResponse> OPERATION =
                Operation.post("CompleteAttachmentUpload", "/participant/complete-attachment-upload",
                        CompleteAttachmentUploadRequest.class, CompleteAttachmentUploadResponse.class,
                        CompleteAttachmentUploadRequest::connectionToken,
                        withClientToken(CompleteAttachmentUploadRequest::clientToken, (r, t) -> r.toBuilder().clientToken(t).build()),
                        RequestValidator::validate, () -> CompleteAttachmentUploadResponse.builder().build());
    }

    static final class CreateParticipantConnection {
        static final Operation<CreateParticipantConnectionRequest, CreateParticipantConnectionResponse> OPERATION =
                Operation.post("CreateParticipantConnection", "/participant/connection",
                        CreateParticipantConnectionRequest.class, CreateParticipantConnectionResponse.class,
                        CreateParticipantConnectionRequest::participantToken, UnaryOperator.identity(),
                        RequestValidator::validate, () -> CreateParticipantConnectionResponse.builder().build());
    }

    static final class DisconnectParticipant {
        static final Operation<DisconnectParticipantRequest, DisconnectParticipantResponse> OPERATION =
                Operation.post("DisconnectParticipant", "/participant/disconnect",
                        DisconnectParticipantRequest.class, DisconnectParticipantResponse.class,
                        DisconnectParticipantRequest::connectionToken,
                        withClientToken(DisconnectParticipantRequest::clientToken, (r, t) -> r.toBuilder().clientToken(t).build()),
                        RequestValidator::validate, () -> DisconnectParticipantResponse.builder().build());
    }

    static final class GetAttachment {
        static final Operation<GetAttachmentRequest, GetAttachmentResponse> OPERATION =
                Operation.post("GetAttachment", "/participant/attachment",
                        GetAttachmentRequest.class, GetAttachmentResponse.class,
                        GetAttachmentRequest::connectionToken, UnaryOperator.identity(),
                        RequestValidator::validate, () -> GetAttachmentResponse.builder().build());
    }

    static final class GetTranscript {
        static final Operation<GetTranscriptRequest, GetTranscriptResponse> OPERATION =
                Operation.post("GetTranscript", "/participant/transcript",
                        GetTranscriptRequest.class, GetTranscriptResponse.class,
                        GetTranscriptRequest::connectionToken, UnaryOperator.identity(),
                        RequestValidator::validate, () -> GetTranscriptResponse.builder().build());
    }

    static final class SendEvent {
        static final Operation<SendEventRequest, SendEventResponse> OPERATION =
                Operation.post("SendEvent", "/participant/event", SendCodec.EVENT,
                        SendEventRequest::connectionToken,
                        withClientToken(SendEventRequest::clientToken, (r, t) -> r.toBuilder().clientToken(t).build()),
                        RequestValidator::validate, () -> SendEventResponse.builder().build());
    }

    static final class SendMessage {
        static final Operation<SendMessageRequest, SendMessageResponse> OPERATION =
                Operation.post("SendMessage", "/participant/message", SendCodec.MESSAGE,
                        SendMessageRequest::connectionToken,
                        withClientToken(SendMessageRequest::clientToken, (r, t) -> r.toBuilder().clientToken(t).build()),
                        RequestValidator::validate, () -> SendMessageResponse.builder().build());
    }

    static final class StartAttachmentUpload {
        static final Operation<StartAttachmentUploadRequest, StartAttachmentUploadResponse> OPERATION =
                Operation.post("StartAttachmentUpload", "/participant/start-attachment-upload",
                        StartAttachmentUploadRequest.class, StartAttachmentUploadResponse.class,
                        StartAttachmentUploadRequest::connectionToken,
                        withClientToken(StartAttachmentUploadRequest::clientToken, (r, t) -> r.toBuilder().clientToken(t).build()),
                        RequestValidator::validate, () -> StartAttachmentUploadResponse.builder().build());
    }

    static final class DescribeView {
        static final Operation<DescribeViewRequest, DescribeViewResponse> OPERATION =     new Operation<>(
                "DescribeView", HttpMethod.GET,
                r -> "/participant/views/" + PathEncoding.segment(r.viewToken()), null,
                DescribeViewRequest::connectionToken, UnaryOperator.identity(), RequestValidator::validate,
                new BoundCodec<>(null, DescribeViewResponse.class), () -> DescribeViewResponse.builder().build());
    }

    static final class GetAuthenticationUrl {
        static final Operation<GetAuthenticationUrlRequest, GetAuthenticationUrlResponse> OPERATION =
                Operation.post("GetAuthenticationUrl", "/participant/authentication-url",
                        GetAuthenticationUrlRequest.class, GetAuthenticationUrlResponse.class,
                        GetAuthenticationUrlRequest::connectionToken, UnaryOperator.identity(),
                        RequestValidator::validate, () -> GetAuthenticationUrlResponse.builder().build());
    }

    static final class CancelParticipantAuthentication {
        static final Operation<CancelParticipantAuthenticationRequest, CancelParticipantAuthenticationResponse> OPERATION =
                Operation.post("CancelParticipantAuthentication", "/participant/cancel-authentication",
                        CancelParticipantAuthenticationRequest.class, CancelParticipantAuthenticationResponse.class,
                        CancelParticipantAuthenticationRequest::connectionToken, UnaryOperator.identity(),
                        RequestValidator::validate, () -> CancelParticipantAuthenticationResponse.builder().build());
    }

    private Operations() {
    }

    /** @return fills an empty idempotency token with a random UUID, once per call: retries re-send the same */
    private static <R> UnaryOperator<R> withClientToken(Function<R, String> token, BiFunction<R, String, R> withToken) {
        return r -> {
            String given = token.apply(r);
            return given != null && !given.isEmpty() ? r : withToken.apply(r, IdempotencyTokens.next());
        };
    }
}
