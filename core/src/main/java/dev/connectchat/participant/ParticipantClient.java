package dev.connectchat.participant;

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
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendEventResponse;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.model.StartAttachmentUploadRequest;
import dev.connectchat.participant.model.StartAttachmentUploadResponse;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reactive client of the Amazon Connect Participant Service (API 2018-09-07 and its later additions).
 *
 * <p>Every operation returns a cold {@link Mono}: nothing is sent until subscription, and each subscription
 * is one call, with its retries under the {@link RetryPolicy}. A request that breaks a constraint of the
 * service model fails with {@link InvalidRequestException} and is never sent; an error answer fails with a
 * {@link ParticipantServiceException} subtype; no answer at all with {@link ParticipantTransportException}.
 * An empty {@code ClientToken} is filled with a random UUID once per call and re-sent unchanged on retries.
 *
 * <p>Thread-safe; create one per application and share it. A client holds a connection pool: its own (closed by
 * {@link #close()}) unless it was given {@link ClientResources} to share, an {@code HttpClient} or a
 * {@code ConnectionProvider}, which their owner closes. Event loops are Reactor Netty's shared ones.
 */
public interface ParticipantClient extends AutoCloseable {

    /** @return a builder; give it a {@link ParticipantClientBuilder#region(String) region} or an
     *          {@link ParticipantClientBuilder#endpoint(URI) endpoint} */
    static ParticipantClientBuilder builder() {
        return new ParticipantClientBuilder();
    }

    /**
     * @return a client for the region in {@code AWS_REGION} (or the {@code aws.region} system property)
     * @throws IllegalStateException when neither is set
     */
    static ParticipantClient create() {
        return builder().build();
    }

    /**
     * Confirms an attachment upload; the attachment then shows in the transcript.
     *
     * @param request the attachment id and the connection token
     * @return emits the (empty) response
     */
    Mono<CompleteAttachmentUploadResponse> completeAttachmentUpload(CompleteAttachmentUploadRequest request);

    /**
     * Exchanges the participant token for a WebSocket URL and a connection token.
     *
     * @param request the participant token and the connection types wanted
     * @return emits the WebSocket URL and the connection credentials
     */
    Mono<CreateParticipantConnectionResponse> createParticipantConnection(CreateParticipantConnectionRequest request);

    /**
     * Leaves the chat.
     *
     * @param request the connection token
     * @return emits the (empty) response
     */
    Mono<DisconnectParticipantResponse> disconnectParticipant(DisconnectParticipantRequest request);

    /**
     * Asks for a pre-signed download URL of an attachment.
     *
     * @param request the attachment id and the connection token
     * @return emits the URL, its expiry and the attachment's size
     */
    Mono<GetAttachmentResponse> getAttachment(GetAttachmentRequest request);

    /**
     * Reads one page of the transcript; see {@link #transcript} for all of it.
     *
     * @param request the paging options and the connection token
     * @return emits the page
     */
    Mono<GetTranscriptResponse> getTranscript(GetTranscriptRequest request);

    /**
     * Sends an event: typing, or a read or delivered receipt.
     *
     * @param request the event and the connection token
     * @return emits the id and time of the event item
     */
    Mono<SendEventResponse> sendEvent(SendEventRequest request);

    /**
     * Sends a message.
     *
     * @param request the message and the connection token
     * @return emits the id and time of the message item
     */
    Mono<SendMessageResponse> sendMessage(SendMessageRequest request);

    /**
     * Asks for a pre-signed URL to upload an attachment to; see {@link #uploadAttachment} for the whole upload.
     *
     * @param request the attachment's name, type and size, and the connection token
     * @return emits the attachment id and the upload URL with the headers it needs
     */
    Mono<StartAttachmentUploadResponse> startAttachmentUpload(StartAttachmentUploadRequest request);

    /**
     * Reads a view (the UI of a step-by-step guide). {@code GET /participant/views/{ViewToken}}.
     *
     * @param request the view token and the connection token
     * @return emits the view; fails with {@link ResourceNotFoundException} for an unknown view
     */
    Mono<DescribeViewResponse> describeView(DescribeViewRequest request);

    /**
     * Asks for the URL of an authentication page.
     *
     * @param request the session id, the redirect URI and the connection token
     * @return emits the URL
     */
    Mono<GetAuthenticationUrlResponse> getAuthenticationUrl(GetAuthenticationUrlRequest request);

    /**
     * Cancels an authentication session.
     *
     * @param request the session id and the connection token
     * @return emits the (empty) response
     */
    Mono<CancelParticipantAuthenticationResponse> cancelParticipantAuthentication(
            CancelParticipantAuthenticationRequest request);

    /**
     * The transcript page by page, from the request's page on. A page is fetched only when the subscriber
     * asks for more; cancelling stops paging. Paging ends at an absent or empty {@code NextToken}; a
     * {@code NextToken} seen before ends it with an {@link IllegalStateException} instead of a loop.
     *
     * @param request the first page's request
     * @return emits the pages
     */
    Flux<GetTranscriptResponse> transcriptPages(GetTranscriptRequest request);

    /**
     * The transcript item by item, fetching pages as {@link #transcriptPages} does: only on demand.
     *
     * @param request the first page's request
     * @return emits the items of every page, in the order the service gives them
     */
    Flux<Item> transcript(GetTranscriptRequest request);

    /**
     * Uploads a file as an attachment: StartAttachmentUpload, a PUT of the file to the pre-signed URL (with
     * every header it asks for, sent from the file without copying it into memory), then
     * CompleteAttachmentUpload.
     *
     * @param connectionToken the connection token
     * @param attachmentName the file name the other side sees
     * @param contentType the MIME type, e.g. {@code image/png}
     * @param file the file
     * @return emits the attachment id once the upload is complete
     */
    Mono<String> uploadAttachment(String connectionToken, String attachmentName, String contentType, Path file);

    /**
     * Uploads bytes as an attachment, as {@link #uploadAttachment(String, String, String, Path)} does. The
     * content is streamed, subscribed to once, and must hold exactly {@code sizeInBytes} bytes.
     *
     * @param connectionToken the connection token
     * @param attachmentName the file name the other side sees
     * @param contentType the MIME type
     * @param content the bytes
     * @param sizeInBytes how many bytes {@code content} emits
     * @return emits the attachment id once the upload is complete
     */
    Mono<String> uploadAttachment(String connectionToken, String attachmentName, String contentType,
                                  Publisher<ByteBuffer> content, long sizeInBytes);

    /**
     * Downloads an attachment: GetAttachment, then a streaming GET of the pre-signed URL.
     *
     * @param connectionToken the connection token
     * @param attachmentId the attachment id
     * @return emits the bytes in chunks as they arrive; each buffer is the subscriber's to keep
     */
    Flux<ByteBuffer> downloadAttachment(String connectionToken, String attachmentId);

    /**
     * Downloads an attachment into a file, creating or replacing it; a failed download deletes it.
     *
     * @param connectionToken the connection token
     * @param attachmentId the attachment id
     * @param target the file to write
     * @return emits {@code target} once every byte is written
     */
    Mono<Path> downloadAttachment(String connectionToken, String attachmentId, Path target);

    // ---- the same operations with the request built in place, as the AWS SDK's clients take them ----

    /**
     * As {@link #completeAttachmentUpload(CompleteAttachmentUploadRequest)}, with the request built in place, e.g.
     * {@code client.completeAttachmentUpload(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link CompleteAttachmentUploadRequest.Builder}
     * @return as the other overload
     */
    default Mono<CompleteAttachmentUploadResponse> completeAttachmentUpload(Consumer<CompleteAttachmentUploadRequest.Builder> request) {
        CompleteAttachmentUploadRequest.Builder builder = CompleteAttachmentUploadRequest.builder();
        request.accept(builder);
        return completeAttachmentUpload(builder.build());
    }

    /**
     * As {@link #createParticipantConnection(CreateParticipantConnectionRequest)}, with the request built in place, e.g.
     * {@code client.createParticipantConnection(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link CreateParticipantConnectionRequest.Builder}
     * @return as the other overload
     */
    default Mono<CreateParticipantConnectionResponse> createParticipantConnection(Consumer<CreateParticipantConnectionRequest.Builder> request) {
        CreateParticipantConnectionRequest.Builder builder = CreateParticipantConnectionRequest.builder();
        request.accept(builder);
        return createParticipantConnection(builder.build());
    }

    /**
     * As {@link #disconnectParticipant(DisconnectParticipantRequest)}, with the request built in place, e.g.
     * {@code client.disconnectParticipant(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link DisconnectParticipantRequest.Builder}
     * @return as the other overload
     */
    default Mono<DisconnectParticipantResponse> disconnectParticipant(Consumer<DisconnectParticipantRequest.Builder> request) {
        DisconnectParticipantRequest.Builder builder = DisconnectParticipantRequest.builder();
        request.accept(builder);
        return disconnectParticipant(builder.build());
    }

    /**
     * As {@link #getAttachment(GetAttachmentRequest)}, with the request built in place, e.g.
     * {@code client.getAttachment(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link GetAttachmentRequest.Builder}
     * @return as the other overload
     */
    default Mono<GetAttachmentResponse> getAttachment(Consumer<GetAttachmentRequest.Builder> request) {
        GetAttachmentRequest.Builder builder = GetAttachmentRequest.builder();
        request.accept(builder);
        return getAttachment(builder.build());
    }

    /**
     * As {@link #getTranscript(GetTranscriptRequest)}, with the request built in place, e.g.
     * {@code client.getTranscript(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link GetTranscriptRequest.Builder}
     * @return as the other overload
     */
    default Mono<GetTranscriptResponse> getTranscript(Consumer<GetTranscriptRequest.Builder> request) {
        GetTranscriptRequest.Builder builder = GetTranscriptRequest.builder();
        request.accept(builder);
        return getTranscript(builder.build());
    }

    /**
     * As {@link #sendEvent(SendEventRequest)}, with the request built in place, e.g.
     * {@code client.sendEvent(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link SendEventRequest.Builder}
     * @return as the other overload
     */
    default Mono<SendEventResponse> sendEvent(Consumer<SendEventRequest.Builder> request) {
        SendEventRequest.Builder builder = SendEventRequest.builder();
        request.accept(builder);
        return sendEvent(builder.build());
    }

    /**
     * As {@link #sendMessage(SendMessageRequest)}, with the request built in place, e.g.
     * {@code client.sendMessage(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link SendMessageRequest.Builder}
     * @return as the other overload
     */
    default Mono<SendMessageResponse> sendMessage(Consumer<SendMessageRequest.Builder> request) {
        SendMessageRequest.Builder builder = SendMessageRequest.builder();
        request.accept(builder);
        return sendMessage(builder.build());
    }

    /**
     * As {@link #startAttachmentUpload(StartAttachmentUploadRequest)}, with the request built in place, e.g.
     * {@code client.startAttachmentUpload(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link StartAttachmentUploadRequest.Builder}
     * @return as the other overload
     */
    default Mono<StartAttachmentUploadResponse> startAttachmentUpload(Consumer<StartAttachmentUploadRequest.Builder> request) {
        StartAttachmentUploadRequest.Builder builder = StartAttachmentUploadRequest.builder();
        request.accept(builder);
        return startAttachmentUpload(builder.build());
    }

    /**
     * As {@link #describeView(DescribeViewRequest)}, with the request built in place, e.g.
     * {@code client.describeView(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link DescribeViewRequest.Builder}
     * @return as the other overload
     */
    default Mono<DescribeViewResponse> describeView(Consumer<DescribeViewRequest.Builder> request) {
        DescribeViewRequest.Builder builder = DescribeViewRequest.builder();
        request.accept(builder);
        return describeView(builder.build());
    }

    /**
     * As {@link #getAuthenticationUrl(GetAuthenticationUrlRequest)}, with the request built in place, e.g.
     * {@code client.getAuthenticationUrl(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link GetAuthenticationUrlRequest.Builder}
     * @return as the other overload
     */
    default Mono<GetAuthenticationUrlResponse> getAuthenticationUrl(Consumer<GetAuthenticationUrlRequest.Builder> request) {
        GetAuthenticationUrlRequest.Builder builder = GetAuthenticationUrlRequest.builder();
        request.accept(builder);
        return getAuthenticationUrl(builder.build());
    }

    /**
     * As {@link #cancelParticipantAuthentication(CancelParticipantAuthenticationRequest)}, with the request built in place, e.g.
     * {@code client.cancelParticipantAuthentication(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link CancelParticipantAuthenticationRequest.Builder}
     * @return as the other overload
     */
    default Mono<CancelParticipantAuthenticationResponse> cancelParticipantAuthentication(Consumer<CancelParticipantAuthenticationRequest.Builder> request) {
        CancelParticipantAuthenticationRequest.Builder builder = CancelParticipantAuthenticationRequest.builder();
        request.accept(builder);
        return cancelParticipantAuthentication(builder.build());
    }

    /**
     * As {@link #transcriptPages(GetTranscriptRequest)}, with the request built in place, e.g.
     * {@code client.transcriptPages(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link GetTranscriptRequest.Builder}
     * @return as the other overload
     */
    default Flux<GetTranscriptResponse> transcriptPages(Consumer<GetTranscriptRequest.Builder> request) {
        GetTranscriptRequest.Builder builder = GetTranscriptRequest.builder();
        request.accept(builder);
        return transcriptPages(builder.build());
    }

    /**
     * As {@link #transcript(GetTranscriptRequest)}, with the request built in place, e.g.
     * {@code client.transcript(r -> r.connectionToken(token)...)}.
     *
     * @param request fills a new {@link GetTranscriptRequest.Builder}
     * @return as the other overload
     */
    default Flux<Item> transcript(Consumer<GetTranscriptRequest.Builder> request) {
        GetTranscriptRequest.Builder builder = GetTranscriptRequest.builder();
        request.accept(builder);
        return transcript(builder.build());
    }

    /** @return the endpoint the client calls */
    URI endpoint();

    /**
     * Closes the client: the chat sessions made with it close (they do not reconnect), calls from then on fail
     * with {@link IllegalStateException}, and the connection pool the client made for itself is closed (given
     * resources are left to their owner). Does not wait; idempotent. Implementations other than the one
     * {@link #builder()} builds may do nothing.
     */
    @Override
    default void close() {
    }
}
