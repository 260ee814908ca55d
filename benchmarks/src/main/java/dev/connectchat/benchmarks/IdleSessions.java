package dev.connectchat.benchmarks;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle sessions at several sizes, against the floor: for each size, a JVM holding that many connectchat
 * {@code ChatSession}s and a JVM holding as many bare Reactor Netty WebSockets that only subscribe and send the
 * protocol's heartbeat (what any client must do to keep a chat socket), each JVM on its own. Each measures the heap
 * and Netty direct memory per session, the time to connect them all, and the CPU per idle session per minute: of its
 * Java threads (the sessions' own work) and of the whole JVM (with the JIT, which in the first minutes of an idle
 * JVM still compiles the rarely run paths, and GC).
 * The emulators run in JVMs of their own, as many as the sockets need (a process may hold 20,000 descriptors here,
 * and each emulator holds one per socket): {@code ceil(largest / 9,000)}.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.connectchat.benchmarks.IdleSessions 1000 5000 10000 19000}
 * (sizes; {@code -Didle=60}: seconds idle for the CPU figure, after {@code -Dsettle=30}). The children get
 * {@code -Xmx3g}.
 */
public final class IdleSessions {
    private static final Pattern TOKEN = Pattern.compile("\"ParticipantToken\":\"([^\"]+)\"");
    private static final int PER_EMULATOR = 9_000;

    private IdleSessions() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes.add(10_000);
        }
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int emulators = (largest + PER_EMULATOR - 1) / PER_EMULATOR;
        List<Process> processes = new ArrayList<>();
        try {
            List<String> lines = new ArrayList<>();
            List<String> endpoints = new ArrayList<>();
            for (int e = 0; e < emulators; e++) {
                Process emulator = new ProcessBuilder(java(), "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                        "dev.connectchat.participant.testkit.internal.StandaloneMain", "--port", "0",
                        "--max-chats", String.valueOf(PER_EMULATOR + 10))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                processes.add(emulator);
                endpoints.add(endpointOf(emulator));
            }
            // chat i is on emulator i % emulators
            for (int i = 0; i < largest; i++) {
                lines.add(endpoints.get(i % emulators));
            }
            List<String> tokens = startChats(endpoints, largest);
            for (int i = 0; i < largest; i++) {
                lines.set(i, lines.get(i) + " " + tokens.get(i));
            }
            Path chats = Files.createTempFile("connectchat-idle", ".txt");
            Files.write(chats, lines);
            System.out.printf("%d emulator JVM(s), %d chats%n", emulators, largest);
            System.out.println("| sessions | client | heap KiB/session | direct KiB/session | connects/s "
                    + "| CPU ms/session/min, Java threads | CPU ms/session/min, whole JVM |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int size : sizes) {
                for (String kind : new String[]{"bare", "connectchat"}) {
                    Process child = new ProcessBuilder(java(), "-Xmx3g", "-Didle=" + Long.getLong("idle", 60),
                            "-Dsettle=" + Long.getLong("settle", 30), "-cp", System.getProperty("java.class.path"), IdleChild.class.getName(), kind,
                            chats.toString(), String.valueOf(size))
                            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                            StandardCharsets.UTF_8));
                    String result = null;
                    for (String line; (line = out.readLine()) != null; ) {
                        result = line;
                    }
                    child.waitFor();
                    System.out.println(result);
                    System.out.flush();
                }
            }
            Files.deleteIfExists(chats);
        } finally {
            processes.forEach(Process::destroy);
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String endpointOf(Process emulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("endpoint:")) {
                String endpoint = line.substring("endpoint:".length()).trim();
                // the rest of its output is drained, so that it never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return endpoint;
            }
        }
        throw new IllegalStateException("the emulator did not start");
    }

    /** @return a participant token per chat, chat {@code i} on emulator {@code i % endpoints.size()} */
    private static List<String> startChats(List<String> endpoints, int count) {
        List<HttpClient> controls = endpoints.stream().map(e -> HttpClient.create().baseUrl(e)).toList();
        return Flux.range(0, count)
                .flatMapSequential(i -> controls.get(i % controls.size()).post().uri("/_emulator/chats")
                        .send(reactor.netty.ByteBufFlux.fromString(Mono.just("{\"DisplayName\":\"c" + i + "\"}")))
                        .responseSingle((res, body) -> body.asString()), 32)
                .map(body -> {
                    Matcher m = TOKEN.matcher(body);
                    if (!m.find()) {
                        throw new IllegalStateException("the emulator did not start a chat: " + body);
                    }
                    return m.group(1);
                })
                .collectList().block(Duration.ofMinutes(10));
    }

    static String row(int sessions, String client, double heapKiB, double directKiB, double connectsPerSecond,
                      double threadsCpuMillisPerMinute, double cpuMillisPerMinute) {
        return String.format(Locale.ROOT, "| %,d | %s | %.1f | %.2f | %.0f | %.3f | %.3f |", sessions, client, heapKiB,
                directKiB, connectsPerSecond, threadsCpuMillisPerMinute, cpuMillisPerMinute);
    }
}
