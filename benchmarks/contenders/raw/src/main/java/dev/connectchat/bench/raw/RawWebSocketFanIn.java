package dev.connectchat.bench.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.bench.FanInContender;
import dev.connectchat.bench.FanInLoad;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The fan-in floor: Reactor Netty WebSockets that only subscribe and parse each frame with Jackson (the frame,
 * then the item inside it), no reconnects, no heartbeats, no gap fill, no ordering.
 */
public final class RawWebSocketFanIn implements FanInContender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIBE = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}";
    private final List<Disposable> sockets = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        FanInLoad.main("raw Reactor Netty WebSocket", args, RawWebSocketFanIn::new);
    }

    @Override
    public void connect(URI endpoint, List<String> participantTokens, Runnable onMessage) throws Exception {
        HttpClient rest = HttpClient.create().baseUrl(endpoint.toString());
        CountDownLatch subscribed = new CountDownLatch(participantTokens.size());
        Flux.fromIterable(participantTokens).flatMap(token -> rest.post().uri("/participant/connection")
                .send((req, out) -> {
                    req.requestHeaders().set("X-Amz-Bearer", token)
                            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                    return out.sendString(Mono.just("{\"Type\":[\"WEBSOCKET\",\"CONNECTION_CREDENTIALS\"]}"));
                })
                .responseSingle((res, body) -> body.asString())
                .map(answer -> read(answer).path("Websocket").path("Url").asText()), 64)
                // a socket is held for its whole life: never from the pool, as for any WebSocket client
                .doOnNext(url -> sockets.add(HttpClient.newConnection().websocket().uri(url)
                        .handle((in, out) -> out.sendString(Mono.just(SUBSCRIBE)).then()
                                .thenMany(in.aggregateFrames().receive().asString().doOnNext(text -> {
                                    JsonNode frame = read(text);
                                    String topic = frame.path("topic").asText();
                                    if (topic.equals("aws/subscribe")) {
                                        subscribed.countDown();
                                    } else if (topic.equals("aws/chat")
                                            && read(frame.path("content").asText()).path("Type").asText().equals("MESSAGE")) {
                                        onMessage.run();
                                    }
                                })))
                        .subscribe()))
                .blockLast(Duration.ofMinutes(5));
        if (!subscribed.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every socket subscribed");
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sockets.forEach(Disposable::dispose);
    }
}
