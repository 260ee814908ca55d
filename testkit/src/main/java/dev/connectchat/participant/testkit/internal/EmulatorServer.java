package dev.connectchat.participant.testkit.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
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
    private static final String ALLOWED_HEADERS = "authorization, content-type, x-amz-bearer, x-amz-content-sha256, "
            + "x-amz-date, x-amz-user-agent, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request";
    private static final String EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-error-message, date";

    private final EmulatorState state;
    private final RestApi rest;
    private final SocketEndpoint sockets;
    private final StorageEndpoint storage;
    private final ControlApi control;
    private final DisposableServer server;
    private final URI endpoint;

    private EmulatorServer(EmulatorSettings settings) {
        this.state = new EmulatorState(settings);
        this.rest = new RestApi(state);
        this.sockets = new SocketEndpoint(state);
        this.storage = new StorageEndpoint(state);
        this.control = new ControlApi(state);
        this.server = HttpServer.create().host(settings.host()).port(settings.port()).handle(this::handle).bindNow();
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
        this.endpoint = URI.create("http://" + host + ":" + server.port());
    }

    /** @return a started server */
    public static EmulatorServer start(EmulatorSettings settings) {
        return new EmulatorServer(settings);
    }

    /** @return the REST endpoint */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the state the server serves */
    public EmulatorState state() {
        return state;
    }

    /** Drops every socket and stops listening. */
    public void close() {
        state.closeAll();
        server.disposeNow(Duration.ofSeconds(5));
    }

    private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        String method = req.method().name();
        cors(req, res);
        res.header("x-amzn-RequestId", ItemIds.uuid());
        if (method.equals("OPTIONS")) {
            return res.status(HttpResponseStatus.OK)
                    .header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600")
                    .send();
        }
        if (path.equals("/connect")) {
            Grant grant = state.url(param(uri.parameters(), "token"));
            boolean upgrade = req.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
            if (grant == null || grant.room.ended() || grant.participant.left || !upgrade) {
                return write(res, Answer.error(ServiceError.accessDenied("Forbidden")));
            }
            return res.sendWebsocket((in, out) -> sockets.serve(grant, in, out));
        }
        String base = "http://" + (req.requestHeaders().get(HttpHeaderNames.HOST) != null
                ? req.requestHeaders().get(HttpHeaderNames.HOST) : endpoint.getAuthority());
        return req.receive().aggregate().asByteArray().defaultIfEmpty(EMPTY)
                .flatMap(body -> {
                    if (path.startsWith("/storage/")) {
                        return Mono.fromCallable(() -> storage.handle(method, path, uri.parameters(), headers(req), body));
                    }
                    if (path.equals("/authenticate")) {
                        return Mono.fromCallable(() -> storage.authenticate(uri.parameters()));
                    }
                    if (path.startsWith("/_emulator/")) {
                        return Mono.fromCallable(() -> control.handle(method, path, body));
                    }
                    return restCall(method, path, req.requestHeaders().get("X-Amz-Bearer"), body, base);
                })
                .onErrorResume(ServiceError.class, e -> Mono.just(Answer.error(e)))
                .flatMap(answer -> write(res, answer));
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
        return latency.isZero() ? answer : Mono.delay(latency).then(answer);
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
