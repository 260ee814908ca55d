package dev.connectchat.participant.internal;

import dev.connectchat.participant.InvalidRequestException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.RetryPolicy;
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
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The client: one {@link HttpClient} (and so one connection pool), one shared {@code ObjectMapper},
 * nothing set up per call but the request itself. Each subscription is one call; its retries re-send the
 * same request, with the same idempotency token.
 */
public final class DefaultParticipantClient implements ParticipantClient {
    static final String BEARER = "X-Amz-Bearer";

    private final HttpClient api;
    private final URI endpoint;
    private final RetryPolicy retryPolicy;
    private final RetryBudget budget;
    private final Consumer<Object> firstTrySuccess;
    /** The error of an attempt past its deadline, made once. */
    private final Mono<?> pastDeadline;
    private final SigV4Signer signer;
    private final AttachmentTransfer attachments;
    private final ClientMetrics metrics;
    private final Limits limits;
    private final Runnable releaseResources;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.Set<Runnable> closeListeners = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Method and path of the operations whose path is fixed, prepared at their first call (see Operation). */
    private final java.util.Map<Operation<?, ?>, HttpClient.RequestSender> senders =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What the client takes of one attempt.
     *
     * @param attemptTimeout the deadline of one attempt, from its start to the last byte of the answer
     * @param maxResponseBytes the largest response body read
     */
    public record Limits(Duration attemptTimeout, long maxResponseBytes) {
    }

    /**
     * @param api the HTTP client for the service, its base URL, timeouts and user agent set
     * @param transfer the HTTP client for pre-signed attachment URLs (same pool, no base URL)
     * @param endpoint the service endpoint
     * @param retryPolicy the retry policy
     * @param credentialsProvider an {@code AwsCredentialsProvider} to sign with, or {@code null}
     * @param region the signing region, or {@code null}
     * @param meterRegistry a Micrometer {@code MeterRegistry}, or {@code null}
     * @param limits the deadline and size limits of one attempt
     * @param releaseResources closes what the builder made for this client alone (run once, by {@link #close()})
     */
    public DefaultParticipantClient(HttpClient api, HttpClient transfer, URI endpoint, RetryPolicy retryPolicy,
                                    Object credentialsProvider, String region, Object meterRegistry, Limits limits,
                                    Runnable releaseResources) {
        this.limits = limits;
        this.releaseResources = releaseResources;
        this.api = api;
        this.endpoint = endpoint;
        this.retryPolicy = retryPolicy;
        this.budget = new RetryBudget(retryPolicy.budgetCapacity());
        this.firstTrySuccess = ok -> budget.release(1);
        this.pastDeadline = Mono.error(() -> new java.util.concurrent.TimeoutException(
                "no complete answer within the attempt's deadline of " + limits.attemptTimeout().toMillis() + " ms"));
        this.signer = credentialsProvider == null ? null : new SigV4Signer(credentialsProvider, region);
        this.attachments = new AttachmentTransfer(this, transfer);
        this.metrics = meterRegistry == null ? ClientMetrics.NONE : new MicrometerClientMetrics(meterRegistry);
    }

    @Override
    public Mono<CompleteAttachmentUploadResponse> completeAttachmentUpload(CompleteAttachmentUploadRequest request) {
        return call(Operations.CompleteAttachmentUpload.OPERATION, request);
    }

    @Override
    public Mono<CreateParticipantConnectionResponse> createParticipantConnection(
            CreateParticipantConnectionRequest request) {
        return call(Operations.CreateParticipantConnection.OPERATION, request);
    }

    @Override
    public Mono<DisconnectParticipantResponse> disconnectParticipant(DisconnectParticipantRequest request) {
        return call(Operations.DisconnectParticipant.OPERATION, request);
    }

    @Override
    public Mono<GetAttachmentResponse> getAttachment(GetAttachmentRequest request) {
        return call(Operations.GetAttachment.OPERATION, request);
    }

    @Override
    public Mono<GetTranscriptResponse> getTranscript(GetTranscriptRequest request) {
        return call(Operations.GetTranscript.OPERATION, request);
    }

    @Override
    public Mono<SendEventResponse> sendEvent(SendEventRequest request) {
        return call(Operations.SendEvent.OPERATION, request);
    }

    @Override
    public Mono<SendMessageResponse> sendMessage(SendMessageRequest request) {
        return call(Operations.SendMessage.OPERATION, request);
    }

    @Override
    public Mono<StartAttachmentUploadResponse> startAttachmentUpload(StartAttachmentUploadRequest request) {
        return call(Operations.StartAttachmentUpload.OPERATION, request);
    }

    @Override
    public Mono<DescribeViewResponse> describeView(DescribeViewRequest request) {
        return call(Operations.DescribeView.OPERATION, request);
    }

    @Override
    public Mono<GetAuthenticationUrlResponse> getAuthenticationUrl(GetAuthenticationUrlRequest request) {
        return call(Operations.GetAuthenticationUrl.OPERATION, request);
    }

    @Override
    public Mono<CancelParticipantAuthenticationResponse> cancelParticipantAuthentication(
            CancelParticipantAuthenticationRequest request) {
        return call(Operations.CancelParticipantAuthentication.OPERATION, request);
    }

    @Override
    public Flux<GetTranscriptResponse> transcriptPages(GetTranscriptRequest request) {
        return TranscriptPager.pages(this, request);
    }

    @Override
    public Flux<Item> transcript(GetTranscriptRequest request) {
        return TranscriptPager.items(this, request);
    }

    @Override
    public Mono<String> uploadAttachment(String connectionToken, String attachmentName, String contentType,
                                         Path file) {
        return attachments.upload(connectionToken, attachmentName, contentType, file);
    }

    @Override
    public Mono<String> uploadAttachment(String connectionToken, String attachmentName, String contentType,
                                         Publisher<ByteBuffer> content, long sizeInBytes) {
        return attachments.upload(connectionToken, attachmentName, contentType, content, sizeInBytes);
    }

    @Override
    public Flux<ByteBuffer> downloadAttachment(String connectionToken, String attachmentId) {
        return attachments.download(connectionToken, attachmentId);
    }

    @Override
    public Mono<Path> downloadAttachment(String connectionToken, String attachmentId, Path target) {
        return attachments.download(connectionToken, attachmentId, target);
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // sessions first, so none reconnects through a pool that is going away
            for (Runnable listener : closeListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(DefaultParticipantClient.class)
                            .warn("a close listener failed: {}", e.toString());
                }
            }
            closeListeners.clear();
            releaseResources.run();
        }
    }

    /**
     * @param listener run once when the client closes (at once when it already has)
     * @return undoes the registration
     */
    public reactor.core.Disposable onClose(Runnable listener) {
        closeListeners.add(listener);
        if (closed.get() && closeListeners.remove(listener)) {
            listener.run();
        }
        return () -> closeListeners.remove(listener);
    }

    @Override
    public String toString() {
        return "ParticipantClient[endpoint=" + endpoint + ", retryPolicy=" + retryPolicy
                + ", signed=" + (signer != null) + (closed.get() ? ", closed" : "") + "]";
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    RetryBudget budget() {
        return budget;
    }

    /** One logical call: prepared and checked at subscription, then sent, retried under the policy. */
    <Q, R> Mono<R> call(Operation<Q, R> op, Q request) {
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(new IllegalStateException(op.name() + ": the ParticipantClient is closed"));
            }
            if (request == null) {
                return Mono.error(new InvalidRequestException(op.name(), "request", "is required"));
            }
            Q prepared;
            try {
                prepared = op.prepare().apply(request);
                op.validate().accept(prepared);
            } catch (InvalidRequestException invalid) {
                metrics.call(op.name(), "invalid", 0);
                return Mono.error(invalid);
            }
            op.codec().build(); // before sending, so that the answer never waits for its reader
            Mono<R> attempt = attempt(op, prepared);
            if (retryPolicy.maxAttempts() > 1) {
                attempt = retrying(op.name(), attempt);
            }
            return metrics == ClientMetrics.NONE ? attempt : measured(op.name(), attempt);
        }).contextWrite(DroppedErrors.CONTEXT);
    }

    /**
     * Retries under the policy; the retry loop is built only once the first attempt has failed, so that a call that
     * succeeds at once (nearly all) costs nothing for it. A first-try success gives the budget back its token.
     */
    private <R> Mono<R> retrying(String operation, Mono<R> attempt) {
        return attempt.doOnSuccess(firstTrySuccess).onErrorResume(failure -> {
            PolicyRetry retry = new PolicyRetry(retryPolicy, budget, operation, metrics);
            AtomicBoolean replayed = new AtomicBoolean();
            // the failure already seen is the loop's first attempt; the next ones run the call again
            return Mono.defer(() -> replayed.getAndSet(true) ? attempt : Mono.<R>error(failure))
                    .retryWhen(retry).doOnSuccess(ok -> retry.onSuccess());
        });
    }

    private <R> Mono<R> measured(String operation, Mono<R> call) {
        long start = System.nanoTime();
        return call.doOnEach(signal -> {
            if (signal.isOnComplete() || signal.isOnError()) {
                metrics.call(operation, ClientMetrics.outcome(signal.getThrowable()), System.nanoTime() - start);
            }
        }).doOnCancel(() -> metrics.call(operation, "cancelled", System.nanoTime() - start));
    }

    private <Q, R> Mono<R> attempt(Operation<Q, R> op, Q request) {
        String path = op.path().apply(request);
        String bearer = op.bearer().apply(request);
        Mono<R> response = signer == null
                ? sender(op, path)
                        .send((req, out) -> sendUnsigned(op, request, bearer, req, out))
                        .response((res, body) -> Answers.read(op, res, body, limits.maxResponseBytes())).next()
                : signed(op, request, path, bearer);
        // Reactor Netty's response timeout bounds the silence between reads; this bounds the whole attempt. The
        // form with a fallback: Reactor's timeout(Duration) names its operator chain at every subscription
        Mono<R> bounded = response.timeout(Mono.delay(limits.attemptTimeout()), pastDeadline())
                .onErrorMap(failure -> ExceptionFactory.transportError(op.name(), failure));
        return ReadsToTheEnd.apply(op.name(), bounded);
    }


    private HttpClient.RequestSender sender(Operation<?, ?> op, String path) {
        if (op.fixedPath() == null) {
            return api.request(op.method()).uri(path);
        }
        HttpClient.RequestSender sender = senders.get(op);
        return sender != null ? sender
                : senders.computeIfAbsent(op, fixed -> api.request(fixed.method()).uri(fixed.fixedPath()));
    }

    @SuppressWarnings("unchecked")
    private <R> Mono<R> pastDeadline() {
        return (Mono<R>) pastDeadline;
    }

    private static <Q> NettyOutbound sendUnsigned(Operation<Q, ?> op, Q request, String bearer,
                                                  HttpClientRequest req, NettyOutbound out) {
        req.header(BEARER, bearer);
        if (!op.codec().hasBody()) {
            return out;
        }
        req.requestHeaders().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        // written only once Reactor Netty subscribes, so a call cancelled before it sends leaves no buffer;
        // for a Mono body Reactor Netty sets Content-Length from the buffer it gets
        return out.send(Mono.fromCallable(() -> write(op, request, out.alloc())));
    }

    /** Signing needs the exact bytes before anything is sent: write them to an array, sign, then send. */
    private <Q, R> Mono<R> signed(Operation<Q, R> op, Q request, String path, String bearer) {
        return Mono.defer(() -> {
            byte[] body;
            try {
                body = op.codec().hasBody() ? bytes(op, request) : null;
            } catch (IOException e) {
                return Mono.error(e);
            }
            HttpHeaders toSign = new DefaultHttpHeaders()
                    .set(HttpHeaderNames.HOST, hostHeader(endpoint))
                    .set(BEARER, bearer);
            if (body != null) {
                toSign.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
            return signer.sign(op.method().name(), endpoint.resolve(path), toSign, body)
                    .flatMap(signedHeaders -> sender(op, path)
                            .send((req, out) -> {
                                signedHeaders.forEach((name, values) -> req.requestHeaders().set(name, values));
                                if (body == null) {
                                    return out;
                                }
                                req.requestHeaders().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                                return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
                            })
                            .response((res, content) -> Answers.read(op, res, content, limits.maxResponseBytes()))
                            .next());
        });
    }

    private static <Q> byte[] bytes(Operation<Q, ?> op, Q request) throws IOException {
        ByteBuf heap = Unpooled.buffer(256);
        op.codec().write(request, heap);
        return io.netty.buffer.ByteBufUtil.getBytes(heap);
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 443 && "https".equals(uri.getScheme()))
                || (port == 80 && "http".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static <Q> ByteBuf write(Operation<Q, ?> op, Q request, ByteBufAllocator alloc) {
        ByteBuf buffer = alloc.buffer(256);
        try {
            op.codec().write(request, buffer);
            return buffer;
        } catch (IOException | RuntimeException e) {
            buffer.release();
            throw Exceptions.propagate(e);
        }
    }
}
