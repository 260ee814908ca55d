package dev.connectchat.participant.testkit.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Flux;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.server.WebsocketServerSpec;
import java.nio.charset.StandardCharsets;

import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.resources.LoopResources;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's HTTP server: routes the service's REST paths, the chat WebSocket, the attachment storage,
 * the authentication page and the control API, answers CORS preflights as a browser client needs, and puts
 * {@code x-amzn-RequestId} on every answer.
 */
public final class EmulatorServer {
    private static final byte[] EMPTY = new byte[0];
    /** Named one by one: browsers do not let a wildcard cover {@code authorization}. */
    /** What the AWS SDKs (the browser's too) send with a REST call. */
    private static final String ALLOWED_HEADERS = "authorization, content-type, x-amz-bearer, x-amz-content-sha256, "
            + "x-amz-date, x-amz-user-agent, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request";
    /**
     * What an upload URL tells clients to send (StartAttachmentUpload's HeadersToInclude), and what a download
     * may carry: a browser's preflight must be allowed exactly these, or it blocks the PUT.
     */
    private static final String STORAGE_HEADERS = "content-type, x-amz-meta-attachment-id, range";
    /** Client frames are small (subscribe, heartbeat): a frame over 64 KiB closes the socket. */
    private static final WebsocketServerSpec SOCKET_SPEC = WebsocketServerSpec.builder()
            .maxFramePayloadLength(64 * 1024).build();
    private static final String EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-error-message, date";

    private final EmulatorState state;
    private final RestApi rest;
    private final SocketEndpoint sockets;
    private final StorageEndpoint storage;
    private final ControlApi control;
    private final DisposableServer server;
    private final URI endpoint;
    private final EmulatorSettings.Limits limits;
    /** Where clients reach us, for the URLs we hand out; never a request's Host header. */
    /** The system property that turns on one log line per request (logger {@code reactor.netty.http.server.AccessLog}). */
    public static final String ACCESS_LOG = "connectchat.emulator.accessLog";
    private volatile String advertised;
    private final LoopResources loops;
    private final ConnectAdminApi admin;

    private EmulatorServer(EmulatorSettings settings) {
        this.state = new EmulatorState(settings);
        this.rest = new RestApi(state);
        this.sockets = new SocketEndpoint(state);
        this.storage = new StorageEndpoint(state);
        this.admin = new ConnectAdminApi(state);
        this.control = new ControlApi(state, address -> {
            advertise(address);
            return advertised;
        });
        this.limits = settings.limits();
        // event loops of its own: an application under test that disposes Reactor Netty's shared resources (a
        // Spring context closing does) must not take its emulator down with it
        this.loops = LoopResources.create("connectchat-emulator", 1, LoopResources.DEFAULT_IO_WORKER_COUNT, true);
        this.server = HttpServer.create().runOn(loops).host(settings.host()).port(settings.port())
                .idleTimeout(limits.idleTimeout())
                .readTimeout(limits.readTimeout())
                .requestTimeout(limits.readTimeout().multipliedBy(12))
                .doOnChannelInit((observer, channel, remote) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, EarlyFrames.NAME, EarlyFrames.INSTANCE);
                    }
                })
                // one line per request (method, path without its query, status, time); never a token: sockets and
                // storage carry theirs in the query, DescribeView in the path. On in the standalone emulator.
                .accessLog(Boolean.getBoolean(ACCESS_LOG), x -> AccessLog.create("{} {} {} {} ms", x.method(),
                        loggable(x.uri()), x.status(), x.duration()))
                .handle(this::handle).bindNow();
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
        this.endpoint = URI.create("http://" + host + ":" + server.port());
        advertise(limits.advertisedEndpoint() != null ? limits.advertisedEndpoint() : endpoint);
    }

    /** @return a started server */
    public static EmulatorServer start(EmulatorSettings settings) {
        return new EmulatorServer(settings);
    }

    /** @return the REST endpoint */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * @param address where clients reach the emulator: an absolute http(s) URI without a path
     * @throws IllegalArgumentException for anything else
     */
    public void advertise(URI address) {
        if (address == null || address.getHost() == null || !address.isAbsolute()
                || !("http".equals(address.getScheme()) || "https".equals(address.getScheme()))
                || (address.getRawPath() != null && !address.getRawPath().isEmpty() && !address.getRawPath().equals("/"))
                || address.getRawQuery() != null) {
            throw new IllegalArgumentException("the advertised endpoint must be an absolute http(s) URI without a "
                    + "path or query, was " + address);
        }
        this.advertised = address.getScheme() + "://" + address.getRawAuthority();
    }

    /** @return the state the server serves */
    public EmulatorState state() {
        return state;
    }

    /** Drops every socket and stops listening. */
    public void close() {
        state.closeAll();
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        String method = req.method().name();
        cors(req, res);
        res.header("x-amzn-RequestId", ItemIds.uuid());
        if (method.equals("OPTIONS")) {
            boolean storage = path.startsWith("/storage/");
            return res.status(HttpResponseStatus.OK)
                    .header("Access-Control-Allow-Methods", storage ? "GET, PUT, OPTIONS" : "GET, POST, PUT, OPTIONS")
                    .header("Access-Control-Allow-Headers", storage ? STORAGE_HEADERS : ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600")
                    .send();
        }
        if (path.equals("/connect")) {
            Grant grant = state.url(param(uri.parameters(), "token"));
            boolean upgrade = req.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
            if (grant == null || grant.room.ended() || grant.participant.left || !upgrade) {
                return write(res, Answer.error(ServiceError.accessDenied("Forbidden")));
            }
            return res.sendWebsocket((in, out) -> sockets.serve(grant, in, out), SOCKET_SPEC);
        }
        String base = advertised;
        long limit = path.startsWith("/storage/") ? state.settings.maxAttachmentSize() : limits.maxRequestBytes();
        String declared = req.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared != null && declaredOver(declared, limit)) {
            return write(res, tooLarge(limit));
        }
        return upTo(req, limit).defaultIfEmpty(EMPTY)
                .flatMap(body -> {
                    if (path.startsWith("/storage/")) {
                        return Mono.fromCallable(() -> storage.handle(method, path, uri.parameters(), headers(req), body));
                    }
                    if (path.equals("/authenticate")) {
                        return Mono.fromCallable(() -> storage.authenticate(uri.parameters()));
                    }
                    if (path.equals("/contact/chat") && method.equals("PUT")) {
                        return Mono.fromCallable(() -> admin.startChatContact(body));
                    }
                    if (path.equals("/_emulator") || path.startsWith("/_emulator/")) {
                        return Mono.fromCallable(() -> control.handle(method, path, body));
                    }
                    return restCall(method, path, req.requestHeaders().get("X-Amz-Bearer"), body, base);
                })
                .onErrorResume(ServiceError.class, e -> Mono.just(Answer.error(e)))
                .onErrorResume(TooLarge.class, e -> Mono.just(tooLarge(limit)))
                .flatMap(answer -> write(res, answer));
    }

    /** The request body, aggregated, but failing with {@link TooLarge} as soon as more than {@code limit} came. */
    private static Mono<byte[]> upTo(HttpServerRequest req, long limit) {
        return ByteBufFlux.fromInbound(Flux.defer(() -> {
            long[] total = {0};
            return req.receive().handle((buf, sink) -> {
                total[0] += buf.readableBytes();
                if (total[0] > limit) {
                    sink.error(new TooLarge());
                } else {
                    sink.next(buf);
                }
            });
        })).aggregate().asByteArray();
    }

    private static boolean declaredOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** As the service's gateway: the body is not read, and the connection is closed after the answer. */
    private static Answer tooLarge(long limit) {
        return new Answer(413, Map.of("Content-Type", "application/json", "Connection", "close"),
                ("{\"message\":\"Request Too Long: more than " + limit + " bytes\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** A request body over the limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private Mono<Answer> restCall(String method, String path, String bearer, byte[] body, String base) {
        ChatRoom room = state.roomOf(bearer);
        Duration latency = state.faultState().latency();
        if (room != null && room.faultState().latency().compareTo(latency) > 0) {
            latency = room.faultState().latency();
        }
        Mono<Answer> answer = Mono.fromCallable(() -> {
            long now = System.nanoTime();
            ServiceError fault = state.faultState().nextRequestError(now);
            if (fault == null && room != null) {
                fault = room.faultState().nextRequestError(now);
            }
            if (fault != null) {
                throw fault;
            }
            return rest.handle(method, path, bearer, body, base);
        });
        return latency.isZero() ? answer : Mono.delay(latency, state.timers).then(answer);
    }

    private static Mono<Void> write(HttpServerResponse res, Answer answer) {
        answer.headers().forEach(res::header);
        return res.status(answer.status()).sendByteArray(Mono.just(answer.body())).then();
    }

    private static void cors(HttpServerRequest req, HttpServerResponse res) {
        String origin = req.requestHeaders().get(HttpHeaderNames.ORIGIN);
        res.header("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        res.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        if (origin != null) {
            res.header("Vary", "Origin");
        }
    }

    /** @return a request's path as it may be logged: no query, no view token */
    static String loggable(CharSequence uri) {
        String path = new QueryStringDecoder(uri.toString()).path();
        return path.startsWith("/participant/views/") ? "/participant/views/***" : path;
    }

    private static Map<String, String> headers(HttpServerRequest req) {
        Map<String, String> headers = new HashMap<>();
        req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        return headers;
    }

    /** @return the first value of a query parameter, or {@code null} */
    static String param(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
