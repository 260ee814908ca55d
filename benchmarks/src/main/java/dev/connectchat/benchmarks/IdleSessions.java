package dev.connectchat.benchmarks;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.websocket.ChatSession;
import io.netty.util.internal.PlatformDependent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap per idle chat session: N sessions (10,000 unless given) against the emulator, which runs in its own
 * JVM so that only the client's heap is counted. All sessions share Reactor Netty's event loops and the REST
 * client's pool; each holds its own socket.
 *
 * <p>{@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.connectchat.benchmarks.IdleSessions 10000}
 */
public final class IdleSessions {
    private static final Pattern TOKEN = Pattern.compile("\"ParticipantToken\":\"([^\"]+)\"");

    private IdleSessions() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Process emulator = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx3g",
                "-cp", System.getProperty("java.class.path"),
                "dev.connectchat.participant.testkit.internal.StandaloneMain", "--port", "0",
                "--max-chats", String.valueOf(count + 10))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            String line;
            URI endpoint = null;
            while ((line = out.readLine()) != null && endpoint == null) {
                if (line.startsWith("endpoint:")) {
                    endpoint = URI.create(line.substring("endpoint:".length()).trim());
                }
            }
            HttpClient control = HttpClient.create().baseUrl(endpoint.toString());
            List<String> tokens = Flux.range(0, count)
                    .flatMap(i -> control.post().uri("/_emulator/chats").send(reactor.netty.ByteBufFlux.fromString(
                                    Mono.just("{\"DisplayName\":\"c" + i + "\"}")))
                            .responseSingle((res, body) -> body.asString()), 32)
                    .map(body -> {
                        Matcher m = TOKEN.matcher(body);
                        if (!m.find()) {
                            throw new IllegalStateException("the emulator did not start a chat: " + body);
                        }
                        return m.group(1);
                    })
                    .collectList().block(Duration.ofMinutes(5));
            ParticipantClient client = ParticipantClient.builder().endpoint(endpoint).build();
            // warm up: one session opened and closed, so that the shared machinery is loaded before counting
            ChatSession.connect(client, tokens.get(0)).block(Duration.ofSeconds(30)).close();
            long before = usedHeap();
            long directBefore = PlatformDependent.usedDirectMemory();
            long start = System.nanoTime();
            List<ChatSession> sessions = Flux.fromIterable(tokens)
                    .flatMap(token -> ChatSession.connect(client, token), 64)
                    .collectList().block(Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = usedHeap();
            long directAfter = PlatformDependent.usedDirectMemory();
            System.out.printf("%d sessions connected in %.1f s (%.0f/s)%n", sessions.size(), seconds,
                    sessions.size() / seconds);
            System.out.printf("heap per idle session: %.1f KiB (%d bytes in all)%n",
                    (after - before) / 1024.0 / sessions.size(), after - before);
            System.out.printf("Netty direct memory per idle session: %.1f KiB%n",
                    (directAfter - directBefore) / 1024.0 / sessions.size());
            System.out.printf("threads: %d%n", Thread.activeCount());
            System.out.flush();
            // -Dhold=seconds keeps the sessions open for a heap histogram (jcmd <pid> GC.class_histogram)
            Thread.sleep(Long.getLong("hold", 0) * 1000);
            sessions.forEach(ChatSession::close);
        } finally {
            emulator.destroy();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
