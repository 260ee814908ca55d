package dev.connectchat.participant.websocket.internal;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reconnects that the sessions of one client may start, shared by all of them: a rate with a burst,
 * kept as the next free slot in time (lock-free). A session asks for a slot no earlier than its own backoff
 * allows and waits until it comes, so thousands of sessions cut at once come back spread over time.
 */
final class ReconnectBudget {
    private static final Map<Object, ReconnectBudget> PER_CLIENT = new WeakHashMap<>();

    private final long interval;
    private final long tolerance;
    private final AtomicLong theoretical = new AtomicLong(Long.MIN_VALUE);

    ReconnectBudget(double perSecond, int burst) {
        this.interval = Math.max(1, (long) (1_000_000_000L / perSecond));
        this.tolerance = interval * (burst - 1L);
    }

    /**
     * @param client the client whose sessions share the budget (held weakly)
     * @return that client's budget, made with this rate and burst the first time
     */
    static ReconnectBudget of(Object client, double perSecond, int burst) {
        synchronized (PER_CLIENT) {
            return PER_CLIENT.computeIfAbsent(client, c -> new ReconnectBudget(perSecond, burst));
        }
    }

    /**
     * Takes the first slot at or after {@code earliest} (a generic cell rate algorithm: the theoretical
     * arrival time moves one interval per slot taken, and a slot may come up to a burst's worth before it).
     *
     * @param earliest the earliest time the caller would start, in nanoseconds of the caller's clock
     * @return the time of the slot taken, same clock
     */
    long reserve(long earliest) {
        while (true) {
            long arrival = theoretical.get();
            long slot = arrival == Long.MIN_VALUE ? earliest : Math.max(earliest, arrival - tolerance);
            long next = (arrival == Long.MIN_VALUE ? slot : Math.max(arrival, slot)) + interval;
            if (theoretical.compareAndSet(arrival, next)) {
                return slot;
            }
        }
    }
}
