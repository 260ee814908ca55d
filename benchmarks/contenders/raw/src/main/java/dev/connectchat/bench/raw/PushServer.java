package dev.connectchat.bench.raw;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fan-in benchmark's service, in a JVM of its own: as little of the Participant Service as a chat session needs
 * (CreateParticipantConnection, an empty transcript, the chat WebSocket's subscribe and heartbeat answers), and a
 * WebSocket that, once subscribed, pushes agent messages at the pace it is set to ({@link PushSocket}). Each socket
 * has its own ids and rising timestamps, so a session neither drops a message as a repeat nor reads one as out of
 * order. The emulator cannot be the source here: driven through
 * its control API it pushes under 1,600 messages a second, less than either client takes.
 *
 * <p>Its standard input steers it: {@code GO} sends to each socket as fast as it is writable, {@code GO n}
 * sends each socket {@code n} messages every 100 ms, skipping a tick the socket cannot take,
 * {@code HOLD} has new sockets wait for the next {@code GO} (so that a client's 1,000 connects are not starved by
 * its first sockets' messages); it stops when the input ends.
 */
public final class PushServer {
    private static final AtomicInteger SOCKETS = new AtomicInteger();
    /** The pace of new sockets. -1: hold; 0: as fast as read; n: n messages per socket every 100 ms. */
    private static volatile int pace = -1;
    private static final java.util.Set<PushSocket> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.trim().split(" ");
            pace = !words[0].equals("GO") ? -1 : words.length > 1 ? Integer.parseInt(words[1]) : 0;
            if (pace >= 0) {
                // a new GO changes the pace of the sockets already open; HOLD only holds new ones
                OPEN.forEach(socket -> socket.pace(pace));
            }
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
        PushSocket[] socket = new PushSocket[1];
        out.withConnection(c -> socket[0] = new PushSocket(SOCKETS.incrementAndGet(), c.channel()));
        OPEN.add(socket[0]);
        socket[0].pace(pace);
        return in.aggregateFrames().receive().asString().doOnNext(socket[0]::received)
                .doFinally(signal -> {
                    OPEN.remove(socket[0]);
                    socket[0].closed();
                }).then();
    }
}
