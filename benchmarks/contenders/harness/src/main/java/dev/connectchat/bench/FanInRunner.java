package dev.connectchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
        try (StandaloneEmulator emulator = StandaloneEmulator.start(root, "--max-chats", "5000")) {
            List<String> contacts = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                String started = emulator.control("/chats", "{\"DisplayName\":\"c" + i + "\"}").join();
                contacts.add(StandaloneEmulator.field(started, "ContactId"));
                tokens.add(StandaloneEmulator.field(started, "ParticipantToken"));
            }
            Path tokenFile = Files.createTempFile("connectchat-fan-in", ".txt");
            Files.write(tokenFile, tokens);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < CONTENDERS.size(); i++) {
                    String[] c = CONTENDERS.get((i + round) % CONTENDERS.size());
                    System.out.println("round " + (round + 1) + "  " + run(root, c, emulator, tokenFile, contacts, seconds));
                }
            }
        }
    }

    private static String run(Path root, String[] contender, StandaloneEmulator emulator, Path tokens,
                              List<String> contacts, int seconds) throws Exception {
        List<String> command = Runner.command(root, new String[]{contender[0], contender[0], contender[1]});
        command.addAll(List.of(emulator.endpoint(), tokens.toString()));
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
            emulator.control("/chats/" + contact + "/agent/message", "{\"Content\":\"m" + sent + "\"}")
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
}
