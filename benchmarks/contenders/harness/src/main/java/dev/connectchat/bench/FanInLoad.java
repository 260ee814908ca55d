package dev.connectchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The contender's side of the fan-in benchmark: connects a session per token, prints {@code READY}, then for each
 * pair of {@code START} and {@code STOP} lines the runner writes counts the messages that arrive in between, and
 * prints items per second, the CPU of the whole JVM per item, the bytes its threads allocated per item and the
 * sessions' reconnects as one JSON line.
 *
 * <p>Arguments: {@code <endpoint> <file of participant tokens, one a line>}.
 */
public final class FanInLoad {
    private FanInLoad() {
    }

    public static void main(String name, String[] args, Supplier<FanInContender> factory) throws Exception {
        List<String> tokens = Files.readAllLines(Path.of(args[1]));
        LongAdder items = new LongAdder();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (FanInContender contender = factory.get()) {
            contender.connect(URI.create(args[0]), tokens, items::increment);
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            // a window per START ... STOP, until the input ends
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.equals("START")) {
                    continue;
                }
                long count = items.sum();
                long reconnects = contender.reconnects();
                long cpu = os.getProcessCpuTime();
                long allocated = Allocation.bytes();
                long start = System.nanoTime();
                in.readLine(); // STOP
                long got = items.sum() - count;
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.println(String.format(Locale.ROOT, "{\"contender\":\"%s\",\"sessions\":%d,\"items\":%d,"
                                + "\"itemsPerSecond\":%.0f,\"cpuNanosPerItem\":%.0f,\"bytesPerItem\":%.0f,\"reconnects\":%d}",
                        name, tokens.size(), got, got / seconds, (os.getProcessCpuTime() - cpu) / (double) Math.max(1, got),
                        (Allocation.bytes() - allocated) / (double) Math.max(1, got), contender.reconnects() - reconnects));
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
