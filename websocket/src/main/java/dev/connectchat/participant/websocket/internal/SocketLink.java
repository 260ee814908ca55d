package dev.connectchat.participant.websocket.internal;

import reactor.core.Disposable;
import reactor.netty.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.util.concurrent.Queues;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One chat socket of a session: the connection, its outbound frames, whether it is subscribed, its
 * heartbeat, and how to close it. A session has one active link, and two while it rotates. Frames that
 * arrive go to the engine; so does the end of the connection, once.
 */
final class SocketLink {
    static final String SUBSCRIBE = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}";
    static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";

    final long generation;
    /** The client sends a handful of small frames (subscribe, heartbeats): a small bounded queue is enough. */
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(16).get());
    volatile MonoSink<SocketLink> opened;
    private volatile WebsocketOutbound out;
    private volatile Disposable connection;
    /** The channel itself: cancelling the subscription alone leaves a WebSocket connection open. */
    private volatile Connection channel;
    private volatile Disposable heartbeat;
    volatile boolean subscribed;
    volatile boolean heartbeatPending;
    volatile long subscribedAtMillis;
    int subscribeAttempts;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile BiConsumer<SocketLink, Throwable> onEnded;

    SocketLink(long generation) {
        this.generation = generation;
    }

    /**
     * Opens the socket and sends the subscription.
     *
     * @param onFrame each text frame, whole
     * @param onEnded told once, when the connection ends or is dropped: {@code null} when it closed, else the
     *                failure
     */
    void open(HttpClient client, String url, int maxFrameBytes, BiConsumer<SocketLink, String> onFrame,
              BiConsumer<SocketLink, Throwable> onEnded) {
        this.onEnded = onEnded;
        connection = client.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(maxFrameBytes).build())
                .uri(java.net.URI.create(url)) // as a URI: Reactor Netty misreads a one-digit port in a string
                .handle((in, o) -> {
                    out = o;
                    o.withConnection(c -> channel = c);
                    send(SUBSCRIBE);
                    return o.sendString(outbound.asFlux(), StandardCharsets.UTF_8).then()
                            .and(in.aggregateFrames(maxFrameBytes).receive().asString(StandardCharsets.UTF_8)
                                    .doOnNext(frame -> onFrame.accept(this, frame)));
                })
                .subscribe(null, this::ended, () -> ended(null));
    }

    private void ended(Throwable error) {
        if (ended.compareAndSet(false, true)) {
            onEnded.accept(this, error);
        }
    }

    synchronized void send(String frame) {
        outbound.tryEmitNext(frame);
    }

    /**
     * Sends a heartbeat every {@code interval}; a heartbeat still unanswered at the next one means the socket
     * is dead: {@code onDead} is told and the heartbeat stops.
     */
    void startHeartbeat(Duration interval, Runnable onDead) {
        heartbeat = Flux.interval(interval, interval).subscribe(tick -> {
            if (heartbeatPending) {
                stopHeartbeat();
                onDead.run();
                return;
            }
            heartbeatPending = true;
            send(HEARTBEAT);
        });
    }

    void stopHeartbeat() {
        dispose(heartbeat);
    }

    /** Closes with a normal close (1000), as the browser client does when it replaces a socket. */
    void close() {
        stopHeartbeat();
        WebsocketOutbound o = out;
        Disposable c = connection;
        if (o != null) {
            o.sendClose(1000, "rotated").subscribe(null, e -> abort());
        } else {
            dispose(c);
        }
    }

    /** Drops the connection at once; a cancelled connection signals no end of its own, so this tells it. */
    void abort() {
        stopHeartbeat();
        dispose(connection);
        dispose(channel);
        if (onEnded != null) {
            ended(null);
        }
    }

    private static void dispose(Disposable d) {
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public String toString() {
        return "socket#" + generation;
    }
}
