package dev.connectchat.participant.websocket.internal;

import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.util.concurrent.Queues;

/**
 * One chat socket of a session: its outbound frames, whether it is subscribed, whether a heartbeat is
 * waiting for its echo, and how to close it. A session has one active link, and two while it rotates.
 */
final class SocketLink {
    static final String SUBSCRIBE = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}";
    static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";

    final long generation;
    /** The client sends a handful of small frames (subscribe, heartbeats): a small bounded queue is enough. */
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(16).get());
    volatile MonoSink<SocketLink> opened;
    volatile WebsocketOutbound out;
    volatile Disposable connection;
    volatile boolean subscribed;
    volatile boolean heartbeatPending;
    volatile boolean closing;
    int subscribeAttempts;

    SocketLink(long generation) {
        this.generation = generation;
    }

    reactor.core.publisher.Flux<String> frames() {
        return outbound.asFlux();
    }

    synchronized void send(String frame) {
        outbound.tryEmitNext(frame);
    }

    /** Closes with a normal close (1000), as the browser client does when it replaces a socket. */
    void close() {
        closing = true;
        WebsocketOutbound o = out;
        Disposable c = connection;
        if (o != null) {
            o.sendClose(1000, "rotated").subscribe(null, e -> dispose(c));
        } else {
            dispose(c);
        }
    }

    /** Drops the connection at once. */
    void abort() {
        closing = true;
        dispose(connection);
    }

    private static void dispose(Disposable c) {
        if (c != null) {
            c.dispose();
        }
    }

    @Override
    public String toString() {
        return "socket#" + generation;
    }
}
