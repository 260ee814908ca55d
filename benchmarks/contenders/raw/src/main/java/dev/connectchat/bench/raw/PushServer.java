package dev.connectchat.bench.raw;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fan-in benchmark's service, in a JVM of its own: as little of the Participant Service as a chat session needs
 * (CreateParticipantConnection, an empty transcript, the chat WebSocket's subscribe and heartbeat answers), and a
 * WebSocket that, once subscribed, pushes agent messages without pause, as fast as the client reads them (writes
 * wait while the socket is not writable). Each socket has its own ids and rising timestamps, so a session neither
 * drops a message as a repeat nor reads one as out of order. The emulator cannot be the source here: driven through
 * its control API it pushes under 1,600 messages a second, less than either client takes.
 *
 * <p>Its standard input steers it: {@code GO} lets subscribed sockets receive as fast as they read, {@code GO n}
 * sends each socket {@code n} messages every 100 ms (a paced load that a client can take without a backlog),
 * {@code HOLD} has new sockets wait for the next {@code GO} (so that a client's 1,000 connects are not starved by
 * its first sockets' messages); it stops when the input ends.
 */
public final class PushServer {
    private static final String SUBSCRIBED =
            "{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"success\",\"topics\":[\"aws/chat\"]}}";
    private static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final AtomicInteger SOCKETS = new AtomicInteger();
    /** -1: hold; 0: as fast as read; n: n messages per socket every 100 ms. */
    private static final Sinks.Many<Integer> GATE = Sinks.many().replay().latest();

    private PushServer() {
    }

    public static void main(String[] args) throws Exception {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .ws("/ws", PushServer::socket)
                        .post("/participant/connection", PushServer::connection)
                        .post("/participant/transcript", (req, res) -> json(req, res,
                                "{\"InitialContactId\":\"contact\",\"Transcript\":[]}"))
                        .post("/participant/{operation}", (req, res) -> json(req, res, "{}")))
                .bindNow();
        System.out.println("PORT " + server.port());
        System.out.flush();
        GATE.tryEmitNext(-1);
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.trim().split(" ");
            GATE.tryEmitNext(!words[0].equals("GO") ? -1 : words.length > 1 ? Integer.parseInt(words[1]) : 0);
        }
        server.disposeNow();
    }

    private static Mono<Void> connection(HttpServerRequest req, HttpServerResponse res) {
        String expiry = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString();
        String host = req.requestHeaders().get("Host");
        return json(req, res, "{\"ConnectionCredentials\":{\"ConnectionToken\":\"push-connection-token\",\"Expiry\":\""
                + expiry + "\"},\"Websocket\":{\"ConnectionExpiry\":\"" + expiry + "\",\"Url\":\"ws://" + host
                + "/ws\"}}");
    }

    private static Mono<Void> json(HttpServerRequest req, HttpServerResponse res, String body) {
        return req.receive().then(res.header("Content-Type", "application/json")
                .header("x-amzn-RequestId", "push").sendString(Mono.just(body)).then());
    }

    private static Mono<Void> socket(WebsocketInbound in, WebsocketOutbound out) {
        int socket = SOCKETS.incrementAndGet();
        Sinks.Many<String> answers = Sinks.many().unicast().onBackpressureBuffer();
        Sinks.One<Boolean> subscribed = Sinks.one();
        Mono<Void> reading = in.aggregateFrames().receive().asString().doOnNext(text -> {
            if (text.contains("\"aws/subscribe\"")) {
                answers.tryEmitNext(SUBSCRIBED);
                subscribed.tryEmitValue(true);
            } else if (text.contains("\"aws/heartbeat\"")) {
                answers.tryEmitNext(HEARTBEAT);
            }
        }).doFinally(signal -> answers.tryEmitComplete()).then();
        long[] next = new long[1];
        // a new GO changes the pace of the sockets already open
        Flux<String> messages = subscribed.asMono().thenMany(GATE.asFlux().filter(go -> go >= 0))
                .switchMap(batch -> batch == 0
                        ? Flux.generate(sink -> sink.next(frame(socket, next[0]++)))
                        // a tick the socket cannot take yet is skipped: the offered rate drops, no queue grows
                        : Flux.interval(Duration.ofMillis(100)).onBackpressureDrop()
                                .concatMap(tick -> Flux.range(0, batch).map(i -> frame(socket, next[0]++)), 1));
        // the answers go first: a subscribe answer is queued before the first message is made
        return out.sendString(Flux.merge(answers.asFlux(), messages)).then().and(reading);
    }

    /** @return the {@code n}th agent message of a socket, as the service frames it */
    static String frame(int socket, long n) {
        String time = Instant.ofEpochMilli(START + n).toString();
        return "{\"content\":\"{\\\"AbsoluteTime\\\":\\\"" + time + "\\\",\\\"Content\\\":\\\"message " + n
                + " of the agent, about as long as a chat line is\\\",\\\"ContentType\\\":\\\"text/plain\\\","
                + "\\\"Id\\\":\\\"" + socket + "-" + n + "\\\",\\\"Type\\\":\\\"MESSAGE\\\","
                + "\\\"ParticipantId\\\":\\\"agent\\\",\\\"DisplayName\\\":\\\"Agent\\\","
                + "\\\"ParticipantRole\\\":\\\"AGENT\\\",\\\"InitialContactId\\\":\\\"contact\\\","
                + "\\\"ContactId\\\":\\\"contact\\\"}\",\"contentType\":\"application/json\",\"topic\":\"aws/chat\"}";
    }
}
