package dev.connectchat.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Drives a {@link Contender} in a closed loop: {@code inflight} calls outstanding at every moment, each completion
 * starting the next. After a warm-up it measures, over a window, the calls completed per second, the CPU time of
 * the whole JVM per call and the bytes its threads allocated per call, and prints them as one JSON line.
 *
 * <p>The warm-up lasts at least its minimum and then goes on, in 5 s steps, until the JIT is done: until a step in
 * which the compilers worked less than 5% of the time and the rate moved less than 5% from the step before, or the
 * maximum. A fixed warm-up is not fair: raw Reactor Netty is compiled in seconds, the AWS SDK's paths take more than
 * 30 s of C2 on 2 cores, and measured at 25 s it ran at under half its steady rate. The line says how long the
 * warm-up took and how busy the JIT still was while measured ({@code jitPercent}, of one core), so a figure taken
 * before the end of compilation shows it.
 *
 * <p>Arguments: {@code cold <endpoint>} makes one call and prints {@code FIRST} (the runner times the JVM from
 * spawn to that line); {@code load <endpoint> <inflight> <minWarmupSeconds> <maxWarmupSeconds> <measureSeconds>}
 * measures.
 */
public final class Load {
    private Load() {
    }

    /**
     * @param name the contender's name in the results
     * @param args the command line
     * @param factory makes the contender for an endpoint
     */
    public static void main(String name, String[] args, Function<URI, Contender> factory) throws Exception {
        URI endpoint = URI.create(args[1]);
        if (args[0].equals("cold")) {
            try (Contender contender = factory.apply(endpoint)) {
                CountDownLatch first = new CountDownLatch(1);
                AtomicReference<Throwable> error = new AtomicReference<>();
                contender.call(first::countDown, e -> {
                    error.set(e);
                    first.countDown();
                });
                first.await(60, TimeUnit.SECONDS);
                System.out.println(error.get() == null ? "FIRST" : "FAILED " + error.get());
                System.out.flush();
            }
            System.exit(0);
        }
        int inflight = Integer.parseInt(args[2]);
        long minWarmup = Long.parseLong(args[3]);
        long maxWarmup = Long.parseLong(args[4]);
        long measure = Long.parseLong(args[5]);
        try (Contender contender = factory.apply(endpoint)) {
            AtomicLong completed = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicReference<Throwable> lastError = new AtomicReference<>();
            Loop loop = new Loop(contender, completed, failed, lastError);
            for (int i = 0; i < inflight; i++) {
                loop.next();
            }
            long started = System.nanoTime();
            warmUp(minWarmup, maxWarmup, completed, failed);
            long warmedSeconds = Math.round((System.nanoTime() - started) / 1e9);
            Counters before = Counters.now(completed, failed);
            TimeUnit.SECONDS.sleep(measure);
            Counters after = Counters.now(completed, failed);
            loop.stop();
            long calls = after.calls - before.calls;
            System.out.println(String.format(Locale.ROOT,
                    "{\"contender\":\"%s\",\"inflight\":%d,\"calls\":%d,\"callsPerSecond\":%.1f,"
                            + "\"cpuMicrosPerCall\":%.2f,\"bytesPerCall\":%.0f,\"warmupSeconds\":%d,"
                            + "\"jitPercent\":%.1f,\"errors\":%d%s}",
                    name, inflight, calls, calls / ((after.nanos - before.nanos) / 1e9),
                    (after.cpuNanos - before.cpuNanos) / 1e3 / Math.max(1, calls),
                    (after.allocated - before.allocated) / (double) Math.max(1, calls), warmedSeconds,
                    (after.jitMillis - before.jitMillis) * 1e8 / (after.nanos - before.nanos), after.errors - before.errors,
                    lastError.get() == null ? "" : ",\"lastError\":\"" + lastError.get().toString()
                            .replace("\\", "\\\\").replace("\"", "'") + "\""));
            System.out.flush();
        }
        System.exit(0);
    }

    /** Sleeps the minimum, then 5 s steps until the JIT is quiet and the rate steady, or the maximum is reached. */
    private static void warmUp(long minSeconds, long maxSeconds, AtomicLong completed, AtomicLong failed)
            throws InterruptedException {
        long step = Math.min(5, Math.max(1, minSeconds));
        TimeUnit.SECONDS.sleep(Math.max(0, minSeconds - step));
        Counters previous = Counters.now(completed, failed);
        TimeUnit.SECONDS.sleep(step);
        Counters current = Counters.now(completed, failed);
        double previousRate = -1;
        for (long waited = minSeconds; waited < maxSeconds; waited += step) {
            double rate = (current.calls - previous.calls) * 1e9 / (current.nanos - previous.nanos);
            double jit = (current.jitMillis - previous.jitMillis) * 1e6 / (current.nanos - previous.nanos);
            if (jit < 0.05 && previousRate > 0 && Math.abs(rate - previousRate) < 0.05 * previousRate) {
                return;
            }
            previousRate = rate;
            previous = current;
            TimeUnit.SECONDS.sleep(step);
            current = Counters.now(completed, failed);
        }
    }

    /** Keeps the calls going: each completion starts the next, until stopped. */
    private static final class Loop {
        private final Contender contender;
        private final AtomicLong completed;
        private final AtomicLong failed;
        private final AtomicReference<Throwable> lastError;
        private volatile boolean stopped;

        Loop(Contender contender, AtomicLong completed, AtomicLong failed, AtomicReference<Throwable> lastError) {
            this.contender = contender;
            this.completed = completed;
            this.failed = failed;
            this.lastError = lastError;
        }

        void next() {
            if (stopped) {
                return;
            }
            contender.call(() -> {
                completed.incrementAndGet();
                next();
            }, e -> {
                failed.incrementAndGet();
                lastError.set(e);
                next();
            });
        }

        void stop() {
            stopped = true;
        }
    }

    /** Counters of the whole JVM at one moment. */
    private record Counters(long nanos, long calls, long errors, long cpuNanos, long allocated, long jitMillis) {
        static Counters now(AtomicLong completed, AtomicLong failed) {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Counters(System.nanoTime(), completed.get(), failed.get(), os.getProcessCpuTime(), Allocation.bytes(),
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        }
    }
}
