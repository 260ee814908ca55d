package dev.connectchat.participant.websocket;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A scripted stand-in for the service and its chat socket, on 127.0.0.1, for what the emulator would never
 * do: refuse subscriptions, drop sockets right after subscribing them, push malformed or huge frames, stall
 * or throttle the transcript, answer CreateParticipantConnection without a usable URL. It counts what the
 * client does: connections created, sockets open, transcript calls.
 */
final class HostileChatServer implements AutoCloseable {
    /** What the socket answers to one frame the client sends. */
    interface SocketScript {
        Flux<String> onFrame(Peer peer, String frame);
    }

    /** One socket as the server holds it: push frames to it, or close it. */
    static final class Peer {
        final Sinks.Many<String> push = Sinks.many().unicast().onBackpressureBuffer();
        volatile Connection connection;

        void send(String frame) {
            push.tryEmitNext(frame);
        }

        void close() {
            Connection c = connection;
            if (c != null) {
                c.dispose();
            }
        }
    }

    static final String SUBSCRIBED = "{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"success\",\"topics\":[\"aws/chat\"]}}";
    static final String REFUSED = "{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"failure\"}}";

    /** Subscribes and echoes heartbeats, as the service does. */
    static final SocketScript WELL_BEHAVED = (peer, frame) -> frame.contains("aws/subscribe") ? Flux.just(SUBSCRIBED)
            : frame.contains("aws/heartbeat") ? Flux.just(frame) : Flux.empty();

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private final DisposableServer server;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final List<Long> connectionTimes = new CopyOnWriteArrayList<>();
    private final AtomicInteger openSockets = new AtomicInteger();
    private final AtomicInteger transcriptCalls = new AtomicInteger();
    private volatile SocketScript socket = WELL_BEHAVED;
    private volatile IntFunction<String> connectionAnswer;
    private volatile Function<Integer, Mono<String>> transcript = n -> Mono.just("{\"Transcript\":[]}");

    HostileChatServer() {
        connectionAnswer = n -> connection("ws://127.0.0.1:" + port() + "/ws");
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/participant/connection", (req, res) -> req.receive().then(Mono.defer(() -> {
                            connectionTimes.add(System.nanoTime());
                            return res.header("Content-Type", "application/json")
                                    .sendString(Mono.just(connectionAnswer.apply(connectionTimes.size()))).then();
                        })))
                        .post("/participant/transcript", (req, res) -> req.receive().then(Mono.defer(() ->
                                transcript.apply(transcriptCalls.incrementAndGet()).flatMap(body -> body.startsWith("429")
                                        ? res.status(429).header("x-amzn-ErrorType", "ThrottlingException").send().then()
                                        : res.header("Content-Type", "application/json").sendString(Mono.just(body)).then()))))
                        .ws("/ws", (in, out) -> {
                            Peer peer = new Peer();
                            peers.add(peer);
                            openSockets.incrementAndGet();
                            out.withConnection(c -> {
                                peer.connection = c;
                                c.onDispose(openSockets::decrementAndGet);
                            });
                            Flux<String> answers = in.receiveFrames().ofType(TextWebSocketFrame.class)
                                    .map(TextWebSocketFrame::text).concatMap(f -> socket.onFrame(peer, f));
                            return out.sendString(Flux.merge(answers, peer.push.asFlux()), StandardCharsets.UTF_8);
                        }, WebsocketServerSpec.builder().maxFramePayloadLength(1 << 20).build()))
                .bindNow();
    }

    int port() {
        return server.port();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** @return a CreateParticipantConnection answer with this socket URL */
    static String connection(String url) {
        String expiry = Instant.now().plusSeconds(3600).toString();
        return "{\"Websocket\":{\"Url\":\"" + url + "\",\"ConnectionExpiry\":\"" + expiry + "\"},"
                + "\"ConnectionCredentials\":{\"ConnectionToken\":\"ct\",\"Expiry\":\"" + expiry + "\"}}";
    }

    /** @return an {@code aws/chat} frame carrying a message item, the item JSON-escaped inside it */
    static String chatFrame(String id, String content) {
        String item = "{\"Id\":\"" + id + "\",\"Type\":\"MESSAGE\",\"ContentType\":\"text/plain\",\"Content\":"
                + quote(content) + ",\"AbsoluteTime\":\"" + Instant.now() + "\",\"ParticipantRole\":\"AGENT\"}";
        return "{\"topic\":\"aws/chat\",\"contentType\":\"application/json\",\"content\":" + quote(item) + "}";
    }

    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void socket(SocketScript script) {
        this.socket = script;
    }

    void connectionAnswer(IntFunction<String> answer) {
        this.connectionAnswer = answer;
    }

    void transcript(Function<Integer, Mono<String>> answer) {
        this.transcript = answer;
    }

    List<Peer> peers() {
        return peers;
    }

    Peer lastPeer() {
        return peers.get(peers.size() - 1);
    }

    int openSockets() {
        return openSockets.get();
    }

    List<Long> connectionTimes() {
        return connectionTimes;
    }

    int transcriptCalls() {
        return transcriptCalls.get();
    }

    @Override
    public void close() {
        peers.forEach(Peer::close);
        server.disposeNow();
    }
}
