package dev.connectchat.benchmarks;

import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the embedded emulator serves, measured with plain Reactor Netty clients, so that it is never the
 * bottleneck of a benchmark: SendMessage calls per second at 256 in flight, and aws/chat frames per second
 * delivered to many subscribed sockets of one chat.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.connectchat.benchmarks.EmulatorLoad}
 */
public final class EmulatorLoad {
    private static final Pattern TOKEN = Pattern.compile("\"ConnectionToken\":\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("\"Url\":\"([^\"]+)\"");

    private EmulatorLoad() {
    }

    public static void main(String[] args) throws Exception {
        try (ParticipantEmulator emulator = ParticipantEmulator.builder().maxTranscriptItems(1000).start()) {
            HttpClient http = HttpClient.create().baseUrl(emulator.endpoint().toString());
            sendMessageRate(emulator, http, 20_000);
            sendMessageRate(emulator, http, 100_000);
            fanOut(emulator, http, 100, 2_000);
            fanOut(emulator, http, 1_000, 200);
        }
    }

    private static String connect(HttpClient http, EmulatedChat chat, String type) {
        return http.headers(h -> h.set("X-Amz-Bearer", chat.participantToken()))
                .post().uri("/participant/connection")
                .send(reactor.netty.ByteBufFlux.fromString(Mono.just("{\"Type\":[\"" + type + "\"]}")))
                .responseSingle((res, body) -> body.asString()).block();
    }

    private static void sendMessageRate(ParticipantEmulator emulator, HttpClient http, int calls) {
        EmulatedChat chat = emulator.startChat();
        Matcher m = TOKEN.matcher(connect(http, chat, "CONNECTION_CREDENTIALS"));
        m.find();
        String token = m.group(1);
        String body = "{\"ContentType\":\"text/plain\",\"Content\":\"Hello, I would like to change my booking.\"}";
        long start = System.nanoTime();
        long ok = Flux.range(0, calls)
                .flatMap(i -> http.post().uri("/participant/message")
                        .send((req, out) -> {
                            req.requestHeaders().set("X-Amz-Bearer", token).set("Content-Type", "application/json");
                            return out.sendString(Mono.just(body));
                        })
                        .responseSingle((res, content) -> content.asString().map(x -> res.status().code())), 256)
                .filter(status -> status == 200)
                .count().block(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SendMessage: %d calls (%d ok) in %.2f s = %.0f calls/s at 256 in flight%n",
                calls, ok, seconds, calls / seconds);
    }

    private static void fanOut(ParticipantEmulator emulator, HttpClient http, int sockets, int messages)
            throws InterruptedException {
        EmulatedChat chat = emulator.startChat();
        CountDownLatch subscribed = new CountDownLatch(sockets);
        CountDownLatch done = new CountDownLatch(sockets);
        AtomicLong frames = new AtomicLong();
        List<reactor.core.Disposable> connections = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            Matcher m = URL.matcher(connect(http, chat, "WEBSOCKET"));
            m.find();
            int[] seen = {0};
            connections.add(HttpClient.newConnection().websocket().uri(m.group(1))
                    .handle((in, out) -> out.sendString(Mono.just(
                                    "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}"))
                            .then().and(in.receive().asString(StandardCharsets.UTF_8).doOnNext(frame -> {
                                if (frame.startsWith("{\"topic\":\"aws/subscribe\"")) {
                                    subscribed.countDown();
                                } else if (frame.contains("aws/chat")) {
                                    frames.incrementAndGet();
                                    if (++seen[0] == messages) {
                                        done.countDown();
                                    }
                                }
                            })))
                    .subscribe());
        }
        subscribed.await(60, TimeUnit.SECONDS);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            chat.agent().sendMessage("message " + i);
        }
        boolean all = done.await(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Fan-out: %d messages to %d sockets of one chat: %d frames in %.2f s = %.0f frames/s%s%n",
                messages, sockets, frames.get(), seconds, frames.get() / seconds, all ? "" : " (INCOMPLETE)");
        connections.forEach(reactor.core.Disposable::dispose);
    }
}
