package dev.connectchat.benchmarks;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.websocket.ChatSession;
import dev.connectchat.participant.websocket.ConnectionState;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.internal.PlatformDependent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.websocket.WebsocketOutbound;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM of {@link IdleSessions}: connects N sessions of one kind, measures, prints one table row. Arguments:
 * {@code bare|connectchat <file of "endpoint token" lines> <N>}.
 */
final class IdleChild {
    private static final Pattern URL = Pattern.compile("\"Url\":\"([^\"]+)\"");
    private static final String SUBSCRIBE = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}";
    private static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";

    /** Reconnects while measured: an idle session should have none; a figure taken while sockets churn is void. */
    private static final LongAdder RECONNECTS = new LongAdder();
    private static final AtomicReference<String> LAST_CAUSE = new AtomicReference<>();

    private IdleChild() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        List<String> chats = Files.readAllLines(Path.of(args[1])).subList(0, Integer.parseInt(args[2]));
        BiFunction<String, String, Mono<?>> connect = kind.equals("bare") ? bare() : connectchat();
        // the first session is opened before counting, so that the shared machinery is loaded
        connect.apply(endpoint(chats.get(0)), token(chats.get(0))).block(Duration.ofSeconds(30));
        long before = usedHeap();
        long directBefore = PlatformDependent.usedDirectMemory();
        long start = System.nanoTime();
        List<?> sessions = Flux.fromIterable(chats.subList(1, chats.size()))
                .flatMap(chat -> connect.apply(endpoint(chat), token(chat)), 64)
                .collectList().block(Duration.ofMinutes(15));
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedHeap();
        long directAfter = PlatformDependent.usedDirectMemory();
        int n = sessions.size();
        TimeUnit.SECONDS.sleep(Long.getLong("settle", 30)); // the connects' work and their JIT settle
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long idleSeconds = Long.getLong("idle", 60);
        long cpu = os.getProcessCpuTime();
        long threadsCpu = javaThreadsCpu();
        TimeUnit.SECONDS.sleep(idleSeconds);
        double cpuMillis = (os.getProcessCpuTime() - cpu) / 1e6;
        double threadsCpuMillis = (javaThreadsCpu() - threadsCpu) / 1e6;
        System.out.println(IdleSessions.row(n + 1, kind.equals("bare") ? "bare Reactor Netty WebSocket" : "connectchat",
                (after - before) / 1024.0 / n, (directAfter - directBefore) / 1024.0 / n, n / seconds,
                threadsCpuMillis / (n + 1) / (idleSeconds / 60.0), cpuMillis / (n + 1) / (idleSeconds / 60.0)));
        System.out.flush();
        if (RECONNECTS.sum() > 0) {
            System.err.println(kind + ": " + RECONNECTS.sum() + " reconnects, the last because of " + LAST_CAUSE.get());
        }
        System.exit(0);
    }

    /** A ChatSession per chat, one client per emulator, every default. */
    private static BiFunction<String, String, Mono<?>> connectchat() {
        Map<String, ParticipantClient> clients = new HashMap<>();
        return (endpoint, token) -> {
            ParticipantClient client;
            synchronized (clients) {
                client = clients.computeIfAbsent(endpoint, e -> ParticipantClient.builder().endpoint(URI.create(e)).build());
            }
            return ChatSession.connect(client, token).doOnNext(session -> session.states().subscribe(state -> {
                if (state.status() == ConnectionState.Status.RECONNECTING) {
                    RECONNECTS.increment();
                    if (state.cause() != null) {
                        LAST_CAUSE.set(state.cause().toString());
                    }
                }
            }));
        };
    }

    /**
     * The floor: CreateParticipantConnection, then a socket that subscribes and reads; one timer for all sockets
     * sends each a heartbeat every 10 s (the protocol's period). One client for the REST calls per emulator and
     * one for all sockets, each socket its own connection.
     */
    private static BiFunction<String, String, Mono<?>> bare() {
        Map<String, HttpClient> rest = new HashMap<>();
        HttpClient sockets = HttpClient.newConnection();
        Queue<WebsocketOutbound> open = new ConcurrentLinkedQueue<>();
        Flux.interval(Duration.ofSeconds(10)).subscribe(tick -> open.forEach(out ->
                out.sendString(Mono.just(HEARTBEAT)).then().subscribe()));
        return (endpoint, token) -> {
            HttpClient http;
            synchronized (rest) {
                http = rest.computeIfAbsent(endpoint, e -> HttpClient.create().baseUrl(e));
            }
            return http.post().uri("/participant/connection")
                    .send((req, out) -> {
                        req.requestHeaders().set("X-Amz-Bearer", token)
                                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                        return out.sendString(Mono.just("{\"Type\":[\"WEBSOCKET\",\"CONNECTION_CREDENTIALS\"]}"));
                    })
                    .responseSingle((res, body) -> body.asString())
                    .flatMap(answer -> {
                        Matcher m = URL.matcher(answer);
                        if (!m.find()) {
                            return Mono.error(new IllegalStateException("no socket URL: " + answer));
                        }
                        // the socket is held until the JVM ends; the Mono says when it is subscribed
                        return Mono.create(sink -> sockets.websocket().uri(URI.create(m.group(1)))
                                .handle((in, out) -> {
                                    open.add(out);
                                    return out.sendString(Mono.just(SUBSCRIBE)).then()
                                            .and(in.receive().doOnNext(frame -> sink.success(m.group(1))).then());
                                })
                                .subscribe(null, sink::error));
                    });
        };
    }

    private static String endpoint(String chat) {
        return chat.substring(0, chat.indexOf(' '));
    }

    private static String token(String chat) {
        return chat.substring(chat.indexOf(' ') + 1);
    }

    /** @return CPU time of the JVM's Java threads: the work of the sessions, without the JIT's compilers and GC */
    private static long javaThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
