package dev.connectchat.participant.testsupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registered for every test class (JUnit extension auto-detection): Netty's leak detector, at the paranoid
 * level the build sets, reports into a list instead of a log line, and a test class whose run leaked a
 * buffer fails. BlockHound is installed too, so a blocking call on an event loop fails the test that made it.
 */
public final class NettyLeakDetection implements AfterAllCallback {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    /**
     * Known leaks of other projects, not ours, counted instead of failing: Spring WebFlux's SSE writer leaves
     * an encoded event unreleased when the browser drops the stream at the wrong moment (open upstream:
     * spring-projects/spring-framework#36438). Only buffers made there and touched by no code of ours qualify
     * ({@link #knownElsewhere}).
     */
    private static final List<String> KNOWN_ELSEWHERE = List.of("org.springframework.http.codec.ServerSentEventHttpMessageWriter");

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        // Cancelling a timer takes the lock of its executor's queue for a moment, as scheduling one does;
        // Reactor's own integration allows the latter (offer, take), and contention showed the former once
        // hundreds of sessions cancelled heartbeats together
        BlockHound.install(builder -> builder.allowBlockingCallsInside(
                "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertNoLeaks(context.getDisplayName());
    }

    /** Collects garbage and lets the detector look at it, then fails if any buffer leaked so far. */
    public static void assertNoLeaks(String where) {
        for (int round = 0; round < 3; round++) {
            System.gc();
            System.runFinalization();
            // the detector checks its queue of collected buffers when new buffers are tracked
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(1);
                probe.release();
            }
        }
        if (!LEAKS.isEmpty()) {
            List<String> found = List.copyOf(LEAKS);
            LEAKS.clear();
            throw new AssertionError(found.size() + " leaked Netty buffer(s) in " + where + ":\n"
                    + String.join("\n----\n", found));
        }
    }

    /**
     * Whether a leak is one of {@link #KNOWN_ELSEWHERE}: the buffer was made there, and wherever it was touched
     * (the first frame outside Netty of each record) the code was Spring's or Reactor Netty's, never ours. Our
     * frames may appear further down a record's stack: an item of ours, on its way to the browser, is what Spring
     * was encoding, but it is Spring's buffer that nobody released.
     */
    static boolean knownElsewhere(String records) {
        boolean madeElsewhere = false;
        for (String block : records.split("\n(?=#\\d+:|Created at:)")) {
            String entry = block.strip();
            if (!entry.startsWith("#") && !entry.startsWith("Created at:")) {
                continue; // the header
            }
            String toucher = entry.lines().skip(1).map(String::strip)
                    .filter(f -> !f.startsWith("io.netty.")).findFirst().orElse("");
            if (!toucher.startsWith("org.springframework.") && !toucher.startsWith("reactor.netty.")) {
                return false; // ours, anybody else's, or nobody's
            }
            if (entry.startsWith("Created at:")) {
                madeElsewhere = KNOWN_ELSEWHERE.stream().anyMatch(entry::contains);
            }
        }
        return madeElsewhere;
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                   long maxActive) {
            return new ResourceLeakDetector<>(resource, samplingInterval) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    if (knownElsewhere(records)) {
                        System.err.println("a known leak of another project (see NettyLeakDetection): " + resourceType);
                        return;
                    }
                    LEAKS.add(resourceType + records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add(resourceType + " (untraced)");
                }

                @Override
                protected boolean needReport() {
                    return true;
                }
            };
        }
    }
}
