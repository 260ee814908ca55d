package dev.connectchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket fan-in: a push server (raw module's {@code PushServer}, in a JVM of its own) sends agent messages to
 * every subscribed socket; each contender, in its own JVM, opens 1,000 sessions and is measured at three paces,
 * 50,000, 150,000 and 300,000 messages a second offered: what arrives and the CPU per item at each, so that where a
 * client stops keeping up shows. Each window follows a warm-up and counts what arrives, its JVM's CPU per item and
 * the sessions' reconnects. Rounds turn the order; the ratios to the raw client are paired within a round.
 * {@code benchmarks/run.sh --fan-in [--smoke]}; writes its part of BENCHMARKS.md.
 *
 * <p>No unpaced window: sent to as fast as the server writes, both clients fell behind and the backlog grew in their
 * kernel receive buffers (1.4 GB over 1,000 sockets), past Linux's TCP memory pressure mark, after which the kernel
 * starved some sockets for 10-20 s: the figures measured the kernel more than the clients.
 */
public final class FanInRunner {
    private static final String RAW = "raw Reactor Netty WebSocket";
    private static final List<String[]> CONTENDERS = List.of(
            new String[]{"raw", "dev.connectchat.bench.raw.RawWebSocketFanIn"},
            new String[]{"connectchat", "dev.connectchat.bench.connectchat.ConnectChatFanIn"});
    /** Messages per socket every 100 ms at each pace: 50,000, 150,000 and 300,000 a second over 1,000 sockets. */
    static final int[] PACES = {5, 15, 30};
    static final String START = "<!-- fan-in:start -->";
    static final String END = "<!-- fan-in:end -->";

    private FanInRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(System.getProperty("connectchat.root", ".")).toAbsolutePath().normalize();
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        int sessions = smoke ? 20 : 1000;
        int rounds = smoke ? 1 : 5;
        int warmup = smoke ? 1 : 15;
        int seconds = smoke ? 2 : 10;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            tokens.add("participant-token-" + i);
        }
        Path tokenFile = Files.createTempFile("connectchat-fan-in", ".txt");
        Files.write(tokenFile, tokens);
        List<String> serverCommand = Runner.command(root, new String[]{"server", "raw", "dev.connectchat.bench.raw.PushServer"});
        Process server = new ProcessBuilder(serverCommand).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<List<Map<String, String>>> byPace = new ArrayList<>();
        for (int ignored : PACES) {
            byPace.add(new ArrayList<>());
        }
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = "http://127.0.0.1:" + serverOut.readLine().substring("PORT ".length());
            Writer gate = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8);
            if (!smoke) {
                // the server's JIT warms up too: one run, not counted, before the first round
                System.out.println("server warm-up  "
                        + String.join(" ", run(root, CONTENDERS.get(0), endpoint, tokenFile, gate, warmup, seconds)));
            }
            for (int round = 0; round < rounds; round++) {
                List<Map<String, String>> lines = new ArrayList<>();
                for (int ignored : PACES) {
                    lines.add(new HashMap<>());
                }
                for (int i = 0; i < CONTENDERS.size(); i++) {
                    String[] c = CONTENDERS.get((i + round) % CONTENDERS.size());
                    String[] results = run(root, c, endpoint, tokenFile, gate, warmup, seconds);
                    for (int k = 0; k < PACES.length; k++) {
                        System.out.println("round " + (round + 1) + "  " + offered(sessions, PACES[k]) + "/s  "
                                + results[k]);
                        lines.get(k).put(Result.text(results[k], "contender"), results[k]);
                    }
                }
                for (int k = 0; k < PACES.length; k++) {
                    byPace.get(k).add(lines.get(k));
                }
            }
        } finally {
            server.getOutputStream().close();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroy();
            Files.deleteIfExists(tokenFile);
        }
        StringBuilder tables = new StringBuilder();
        for (int k = 0; k < PACES.length; k++) {
            tables.append(k == 0 ? "" : "\n").append(offered(sessions, PACES[k])).append(" messages a second offered (")
                    .append(PACES[k]).append(" per socket every 100 ms).\n\n").append(table(byPace.get(k)));
        }
        String table = tables.toString();
        System.out.println();
        System.out.println(table);
        if (!smoke) {
            write(root, table, sessions, rounds, warmup, seconds);
        }
    }

    private static String offered(int sessions, int pace) {
        return String.format(Locale.ROOT, "%,d", sessions * 10 * pace);
    }

    /** @return one window's line per pace */
    private static String[] run(Path root, String[] contender, String endpoint, Path tokens, Writer gate, int warmup,
                                int seconds) throws Exception {
        gate.write("HOLD\n");
        gate.flush();
        List<String> command = Runner.command(root, new String[]{contender[0], contender[0], contender[1]});
        command.addAll(List.of(endpoint, tokens.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        for (String line; (line = out.readLine()) != null && !line.equals("READY"); ) {
            // start-up output
        }
        String[] results = new String[PACES.length];
        // every session is subscribed: the paces in turn, each with its warm-up
        for (int i = 0; i < PACES.length; i++) {
            gate.write("GO " + PACES[i] + "\n");
            gate.flush();
            TimeUnit.SECONDS.sleep(warmup);
            in.write("START\n");
            in.flush();
            TimeUnit.SECONDS.sleep(seconds);
            in.write("STOP\n");
            in.flush();
            results[i] = out.readLine();
            if (results[i] == null) {
                throw new IllegalStateException("no result from " + contender[1]);
            }
        }
        in.close();
        p.waitFor(30, TimeUnit.SECONDS);
        p.destroy();
        return results;
    }

    /** @return items per second and CPU per item of each contender, and connectchat's ratios, paired per round */
    static String table(List<Map<String, String>> rounds) {
        StringBuilder t = new StringBuilder("| contender | items/s median (min-max) | CPU ns/item median (min-max) "
                + "| B/item median (min-max) | items/s to raw median (min-max) | CPU/item to raw median (min-max) "
                + "| reconnects |\n|---|---|---|---|---|---|---|\n");
        for (String name : new String[]{RAW, "connectchat"}) {
            List<double[]> rows = new ArrayList<>();
            long reconnects = 0;
            for (Map<String, String> round : rounds) {
                String line = round.get(name);
                String raw = round.get(RAW);
                double rate = Result.number(line, "itemsPerSecond");
                double cpu = Result.number(line, "cpuNanosPerItem");
                reconnects += (long) Result.number(line, "reconnects");
                rows.add(new double[]{rate, cpu, Result.number(line, "bytesPerItem"),
                        rate / Result.number(raw, "itemsPerSecond"), cpu / Result.number(raw, "cpuNanosPerItem")});
            }
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d |%n", name, range(rows, 0, "%,.0f"),
                    range(rows, 1, "%,.0f"), range(rows, 2, "%,.0f"), range(rows, 3, "%.2fx"), range(rows, 4, "%.2fx"),
                    reconnects));
        }
        return t.toString();
    }

    private static String range(List<double[]> rows, int column, String format) {
        double[] spread = Spread.of(rows.stream().map(r -> r[column]).toList());
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", spread[1], spread[0], spread[2]);
    }

    private static void write(Path root, String table, int sessions, int rounds, int warmup, int seconds)
            throws Exception {
        String block = START + "\n## WebSocket fan-in\n\nWritten by `benchmarks/run.sh --fan-in` on " + LocalDate.now()
                + " (" + Machine.describe() + "). A push server in a JVM of its own sends agent messages to every "
                + "subscribed socket at three paces in turn; each contender, in its own JVM with "
                + "its own defaults, holds " + String.format(Locale.ROOT, "%,d", sessions) + " sessions and, for each "
                + "pace, warms up for " + warmup + " s while they flow, then counts the messages that arrive in "
                + seconds + " s, the CPU of its whole JVM per message, the bytes its threads allocated per message and its "
                + "sessions' reconnects; " + rounds
                + " rounds, the order turning, ratios paired within a round. The "
                + "raw client only subscribes and parses each frame and the item in it with Jackson; connectchat's "
                + "`ChatSession` also orders, de-duplicates, types each item and answers heartbeats. Server and client "
                + "share the machine's cores; CPU per item is the client's alone. A rate below the one offered means the "
                + "client fell behind (the server skips a socket's tick while it cannot take it). There is no unpaced "
                + "window: sent to as fast as the server writes, both clients fell behind and the backlog grew in the "
                + "kernel's receive buffers past Linux's TCP memory pressure mark, after which the kernel starved some "
                + "sockets for seconds; such figures measure the kernel more than the clients.\n\n" + table + "\n" + END;
        Markdown.putBlock(root.resolve("BENCHMARKS.md"), START, END, block);
    }
}
