package dev.connectchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebSocket fan-in: the standalone emulator, in a JVM of its own, holds 1,000 chats; each contender, in its own JVM,
 * opens a session per chat; this runner has the agents talk through the control API for a window and the contender
 * counts what arrives, and its CPU per item. {@code benchmarks/run.sh --fan-in [--smoke]}.
 */
public final class FanInRunner {
    private static final List<String[]> CONTENDERS = List.of(
            new String[]{"raw", "dev.connectchat.bench.raw.RawWebSocketFanIn"},
            new String[]{"connectchat", "dev.connectchat.bench.connectchat.ConnectChatFanIn"});

    private FanInRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(System.getProperty("connectchat.root", ".")).toAbsolutePath().normalize();
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        int sessions = smoke ? 20 : 1000;
        int rounds = smoke ? 1 : 3;
        int seconds = smoke ? 2 : 10;
        Process emulator = new ProcessBuilder(Runner.java(), "-jar",
                root.resolve("testkit/target/connectchat-testkit-0.1.0-SNAPSHOT-standalone.jar").toString(), "--port", "0",
                "--max-chats", "5000").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = null;
            for (String line; endpoint == null && (line = out.readLine()) != null; ) {
                if (line.startsWith("endpoint:")) {
                    endpoint = line.substring("endpoint:".length()).trim();
                }
            }
            Runner.drain(out); // it logs a line per request: a full pipe would stall it
            // HTTP/1.1: the JDK's default asks every cleartext request to upgrade to HTTP/2
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> contacts = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                String started = post(http, endpoint + "/_emulator/chats", "{\"DisplayName\":\"c" + i + "\"}").join();
                contacts.add(field(started, "ContactId"));
                tokens.add(field(started, "ParticipantToken"));
            }
            Path tokenFile = Files.createTempFile("connectchat-fan-in", ".txt");
            Files.write(tokenFile, tokens);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < CONTENDERS.size(); i++) {
                    String[] c = CONTENDERS.get((i + round) % CONTENDERS.size());
                    System.out.println("round " + (round + 1) + "  " + run(root, c, endpoint, tokenFile, http, contacts, seconds));
                }
            }
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String run(Path root, String[] contender, String endpoint, Path tokens, HttpClient http,
                              List<String> contacts, int seconds) throws Exception {
        List<String> command = Runner.command(root, new String[]{contender[0], contender[0], contender[1]});
        command.addAll(List.of(endpoint, tokens.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        for (String line; (line = out.readLine()) != null && !line.equals("READY"); ) {
            // start-up output
        }
        in.write("START\n");
        in.flush();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Semaphore inFlight = new Semaphore(64);
        long sent = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            String contact = contacts.get((int) (sent++ % contacts.size()));
            post(http, endpoint + "/_emulator/chats/" + contact + "/agent/message", "{\"Content\":\"m" + sent + "\"}")
                    .whenComplete((answer, error) -> inFlight.release());
        }
        inFlight.acquire(64); // every message sent has been stored and pushed
        inFlight.release(64);
        in.write("STOP\n");
        in.flush();
        String result = out.readLine();
        p.waitFor(30, TimeUnit.SECONDS);
        return result + " (sent " + sent + ")";
    }

    private static CompletableFuture<String> post(HttpClient http, String url, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(HttpResponse::body);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
