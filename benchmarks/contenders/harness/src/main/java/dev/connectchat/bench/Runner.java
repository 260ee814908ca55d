package dev.connectchat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every contender in its own JVM with its own class path against a server in another JVM, for several rounds;
 * the order of the contenders turns by one each round. Each round measures a cold start (JVM spawn to the first
 * answer) and a load run (warm-up, then a measured window) per contender; ratios to raw Reactor Netty are taken
 * within a round, then summarised as min/median/max. Writes BENCHMARKS.md, an SVG chart and the README's table.
 *
 * <p>{@code benchmarks/run.sh [--quick | --smoke]}: see {@link Settings}.
 */
public final class Runner {
    /** The contenders: name in the results, module, main class. */
    static final List<String[]> CONTENDERS = List.of(
            new String[]{"raw Reactor Netty", "raw", "dev.connectchat.bench.raw.RawReactorNetty"},
            new String[]{"connectchat", "connectchat", "dev.connectchat.bench.connectchat.ConnectChat"},
            new String[]{"AWS SDK on Netty 4.1", "sdk-netty41", "dev.connectchat.bench.sdk.AwsSdk"},
            new String[]{"AWS SDK on Netty 4.2", "sdk-netty42", "dev.connectchat.bench.sdk.AwsSdk"});

    private Runner() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(args);
        Path root = Paths.get(System.getProperty("connectchat.root", ".")).toAbsolutePath().normalize();
        List<String> serverCommand = command(root, new String[]{"server", "raw", "dev.connectchat.bench.raw.BenchServer"});
        Process server = new ProcessBuilder(serverCommand).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = "http://127.0.0.1:" + out.readLine().substring("PORT ".length());
            List<Map<String, Result>> rounds = new ArrayList<>();
            if (settings.rounds() > 1) {
                // the server's JIT warms up too: one load run of the first contender, not counted, before round 1
                System.out.println("server warm-up  " + load(command(root, CONTENDERS.get(0)), endpoint, settings));
            }
            for (int round = 0; round < settings.rounds(); round++) {
                Map<String, Result> results = new LinkedHashMap<>();
                for (int i = 0; i < CONTENDERS.size(); i++) {
                    String[] c = CONTENDERS.get((i + round) % CONTENDERS.size());
                    List<String> command = command(root, c);
                    double cold = coldStart(command, endpoint);
                    Result r = Result.parse(load(command, endpoint, settings), cold);
                    System.out.printf("round %d  %-22s %9.0f calls/s  %7.2f us CPU/call  %8.0f B/call  cold %5.0f ms"
                            + "  warm-up %3d s  JIT %4.1f%%  errors %d%n", round + 1, r.contender(), r.callsPerSecond(),
                            r.cpuMicrosPerCall(), r.bytesPerCall(), r.coldStartMillis(), r.warmupSeconds(),
                            r.jitPercent(), r.errors());
                    results.put(c[0], r);
                }
                rounds.add(results);
            }
            Report report = new Report(rounds, settings, CONTENDERS.stream().map(c -> c[0]).toList());
            System.out.println();
            System.out.println(report.table());
            if (settings.write()) {
                report.write(root);
            }
        } finally {
            server.getOutputStream().close();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroy();
        }
    }

    /** @return the line of one load run of the contender's {@code command} under the settings */
    private static String load(List<String> command, String endpoint, Settings settings) throws Exception {
        List<String> load = new ArrayList<>(command);
        load.addAll(List.of("load", endpoint, String.valueOf(settings.inflight()),
                String.valueOf(settings.warmupSeconds()), String.valueOf(settings.maxWarmupSeconds()),
                String.valueOf(settings.measureSeconds())));
        return lastLine(load, settings.maxWarmupSeconds() + settings.measureSeconds() + 120);
    }

    /** The JVM's own defaults (heap, collector), as a user who runs the client gets them. */
    static List<String> command(Path root, String[] contender) throws IOException {
        Path module = root.resolve("benchmarks/contenders").resolve(contender[1]);
        String classpath = module.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(module.resolve("target/classpath.txt")).trim();
        return new ArrayList<>(List.of(java(), "-cp", classpath, contender[2]));
    }

    /** @return milliseconds from spawning the JVM to its first answer printed */
    private static double coldStart(List<String> command, String endpoint) throws Exception {
        List<String> cold = new ArrayList<>(command);
        cold.addAll(List.of("cold", endpoint));
        long start = System.nanoTime();
        String line = lastLine(cold, 60);
        if (!line.equals("FIRST")) {
            throw new IllegalStateException("cold start failed: " + line);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static String lastLine(List<String> command, long timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // as a user's environment has them: the AWS SDK's default chain finds these and signs (SigV4) with them
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDBENCHMARKEXAMPLE");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "benchmark/secret/key/not/a/real/one/EXAMPLE");
        Process p = builder.start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                last = line;
                if (line.equals("FIRST")) {
                    break;
                }
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command.get(command.size() - 1));
        }
        if (last == null) {
            throw new IllegalStateException("no output from " + String.join(" ", command));
        }
        return last;
    }

    /** Reads and drops what a child process writes, on a daemon thread, so that it never blocks on a full pipe. */
    static void drain(BufferedReader out) {
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // dropped
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "drain");
        drain.setDaemon(true);
        drain.start();
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
