package dev.connectchat.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Transcript paging: the emulator (standalone, in a JVM of its own) holds a chat of 10,000 items; each contender, in
 * its own JVM, reads it whole from the start again and again. Items per second, CPU and bytes per item, over rounds
 * whose order turns. {@code benchmarks/run.sh --paging}; writes its part of BENCHMARKS.md.
 */
public final class PagingRunner {
    private static final int MESSAGES = 9_990; // with the joins, the emulator's cap of 10,000 items
    private static final List<String[]> CONTENDERS = List.of(
            new String[]{"connectchat", "dev.connectchat.bench.connectchat.ConnectChatPaging"},
            new String[]{"sdk-netty41", "dev.connectchat.bench.sdk.AwsSdkPaging"},
            new String[]{"sdk-netty42", "dev.connectchat.bench.sdk.AwsSdkPaging"});
    static final String START = "<!-- paging:start -->";
    static final String END = "<!-- paging:end -->";

    private PagingRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(System.getProperty("connectchat.root", ".")).toAbsolutePath().normalize();
        int rounds = args.length > 0 && args[0].equals("--smoke") ? 1 : 3;
        try (StandaloneEmulator emulator = StandaloneEmulator.start(root)) {
            String endpoint = emulator.endpoint();
            String token = chatOf(emulator, rounds == 1 ? 500 : MESSAGES);
            List<String> lines = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < CONTENDERS.size(); i++) {
                    String[] c = CONTENDERS.get((i + round) % CONTENDERS.size());
                    List<String> command = Runner.command(root, new String[]{c[0], c[0], c[1]});
                    command.addAll(List.of(endpoint, token, rounds == 1 ? "1" : "3", rounds == 1 ? "1" : "5"));
                    String line = Runner.lastLine(command, 600);
                    System.out.println("round " + (round + 1) + "  " + line);
                    lines.add(line);
                }
            }
            String table = table(lines);
            System.out.println();
            System.out.println(table);
            if (rounds > 1) {
                String block = START + "\n## Transcript paging\n\nWritten by `benchmarks/run.sh --paging` on " + LocalDate.now()
                        + " (" + Machine.describe() + "). The standalone emulator, in a JVM of its own, holds a chat of "
                        + (MESSAGES + 2) + " items; each contender, in its own JVM with its own defaults, reads it whole, "
                        + "oldest first, 100 items a page, 3 times to warm up, then 5 times measured; " + rounds
                        + " rounds, the order turning.\n\n" + table + "\n" + END;
                Markdown.putBlock(root.resolve("BENCHMARKS.md"), START, END, block);
            }
        }
    }

    /** @return the participant token of a new chat in which the agent has said {@code messages} things */
    private static String chatOf(StandaloneEmulator emulator, int messages) {
        String started = emulator.control("/chats", "{\"DisplayName\":\"Reader\"}").join();
        String contactId = StandaloneEmulator.field(started, "ContactId");
        emulator.control("/chats/" + contactId + "/agent/join", "{}").join();
        for (int i = 0; i < messages; i++) {
            emulator.control("/chats/" + contactId + "/agent/message",
                    "{\"Content\":\"message " + i + " of the agent, about as long as a chat line is\"}").join();
        }
        return StandaloneEmulator.field(started, "ParticipantToken");
    }

    private static String table(List<String> lines) {
        StringBuilder t = new StringBuilder("| contender | items/s median (min-max) | CPU ns/item median | bytes/item median |\n"
                + "|---|---|---|---|\n");
        for (String name : new String[]{"connectchat", "AWS SDK on Netty 4.1", "AWS SDK on Netty 4.2"}) {
            List<double[]> rows = new ArrayList<>();
            for (String line : lines) {
                if (line.contains("\"contender\":\"" + name + "\"")) {
                    rows.add(new double[]{Result.number(line, "itemsPerSecond"), Result.number(line, "cpuNanosPerItem"),
                            Result.number(line, "bytesPerItem")});
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            double[] rate = column(rows, 0);
            t.append(String.format(Locale.ROOT, "| %s | %,.0f (%,.0f-%,.0f) | %,.0f | %,.0f |%n", name, rate[1],
                    rate[0], rate[2], column(rows, 1)[1], column(rows, 2)[1]));
        }
        return t.toString();
    }

    /** @return min, median and max of one column over the rows */
    private static double[] column(List<double[]> rows, int column) {
        return Spread.of(rows.stream().map(r -> r[column]).toList());
    }
}
