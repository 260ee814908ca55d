package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The chat WebSocket: {@code aws/subscribe} is answered (then items are pushed), {@code aws/heartbeat}
 * echoed, {@code aws/ping} answered with status 200, anything else answered with a gateway error frame.
 */
final class SocketEndpoint {
    private final EmulatorState state;

    SocketEndpoint(EmulatorState state) {
        this.state = state;
    }

    Publisher<Void> serve(Grant grant, WebsocketInbound in, WebsocketOutbound out) {
        ChatRoom room = grant.room;
        SocketSession socket = new SocketSession(room, grant.participant);
        in.withConnection(connection -> {
            // the HTTP read timeout is for reading requests; a chat socket has its own idle timeout below
            if (connection.channel().pipeline().get(NettyPipeline.ReadTimeoutHandler) != null) {
                connection.channel().pipeline().remove(NettyPipeline.ReadTimeoutHandler);
            }
            socket.attach(connection.channel(), out);
        });
        room.open(socket);
        Duration lifetime = state.settings.webSocketLifetime();
        Disposable expiry = lifetime == null ? null : Mono.delay(lifetime, state.timers).subscribe(x -> socket.drop(false));
        EmulatorSettings.Limits limits = state.settings.limits();
        // a socket that never subscribes, or goes silent (no heartbeat), is closed, as the service's gateway does
        Disposable unsubscribed = Mono.delay(limits.subscribeTimeout(), state.timers).subscribe(x -> {
            if (!socket.subscribed()) {
                socket.cutOff("not subscribed in time");
            }
        });
        Mono<Void> reading = in.aggregateFrames()
                .receive()
                .asString(StandardCharsets.UTF_8)
                .doOnNext(frame -> onFrame(socket, frame))
                .timeout(limits.socketIdleTimeout(), state.timers)
                .then()
                .onErrorResume(e -> {
                    socket.cutOff("idle");
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    room.closed(socket);
                    socket.complete();
                    unsubscribed.dispose();
                    if (expiry != null) {
                        expiry.dispose();
                    }
                });
        return out.sendString(socket.frames(), StandardCharsets.UTF_8).then().and(reading);
    }

    private void onFrame(SocketSession socket, String text) {
        String topic = topic(text);
        if (topic == null) {
            socket.send(PushFrames.gatewayError("Forbidden"));
            return;
        }
        ChatRoom room = socket.room;
        switch (topic) {
            case "aws/subscribe":
                if (state.faultState().subscriptionsRejected() || room.faultState().subscriptionsRejected()) {
                    socket.send(PushFrames.SUBSCRIBE_FAILED);
                } else {
                    // under the chat's lock, so that no item frame comes before the answer
                    synchronized (room) {
                        socket.send(PushFrames.SUBSCRIBED);
                        socket.subscribed(true);
                    }
                }
                break;
            case "aws/heartbeat":
                if (!state.faultState().heartbeatsStopped() && !room.faultState().heartbeatsStopped()) {
                    socket.send(PushFrames.HEARTBEAT);
                }
                break;
            case "aws/ping":
                socket.send(PushFrames.PING);
                break;
            default:
                socket.send(PushFrames.gatewayError("Forbidden"));
        }
    }

    private static String topic(String text) {
        try {
            JsonNode node = EmulatorJson.tree(text);
            JsonNode topic = node == null ? null : node.get("topic");
            return topic == null || !topic.isTextual() ? null : topic.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
