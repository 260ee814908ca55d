package dev.connectchat.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Reads a whole transcript again and again with a {@link Pager}: after {@code warmup} reads, measures {@code reads}
 * more, and prints items per second, CPU and bytes allocated per item as one JSON line.
 *
 * <p>Arguments: {@code <endpoint> <participantToken> <warmupReads> <reads>}.
 */
public final class PagingLoad {
    private PagingLoad() {
    }

    public static void main(String name, String[] args, BiFunction<URI, String, Pager> factory) throws Exception {
        int warmup = Integer.parseInt(args[2]);
        int reads = Integer.parseInt(args[3]);
        try (Pager pager = factory.apply(URI.create(args[0]), args[1])) {
            for (int i = 0; i < warmup; i++) {
                pager.readAll();
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long allocated = allocated();
            long start = System.nanoTime();
            long items = 0;
            for (int i = 0; i < reads; i++) {
                items += pager.readAll();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(String.format(Locale.ROOT,
                    "{\"contender\":\"%s\",\"itemsPerRead\":%d,\"itemsPerSecond\":%.0f,\"cpuNanosPerItem\":%.0f,"
                            + "\"bytesPerItem\":%.0f}", name, items / reads, items / seconds,
                    (os.getProcessCpuTime() - cpu) / (double) items, (allocated() - allocated) / (double) items));
            System.out.flush();
        }
        System.exit(0);
    }

    private static long allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }
}
