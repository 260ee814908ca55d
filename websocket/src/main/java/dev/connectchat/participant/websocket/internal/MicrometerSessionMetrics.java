package dev.connectchat.participant.websocket.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions' meters, shared by every session of one registry: {@code connectchat.sessions.open} (gauge),
 * {@code connectchat.sessions.reconnects}, {@code connectchat.sessions.items} (tag {@code kind}) and
 * {@code connectchat.sessions.recovered} (items a gap fill recovered).
 */
public final class MicrometerSessionMetrics implements SessionMetrics {
    private static final String PREFIX = "connectchat.sessions";
    private static final Map<MeterRegistry, MicrometerSessionMetrics> BY_REGISTRY = new ConcurrentHashMap<>();

    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter reconnects;
    private final Counter recovered;
    private final Map<String, Counter> items = new ConcurrentHashMap<>();

    private MicrometerSessionMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(PREFIX + ".open", open, AtomicInteger::get).description("Open chat sessions").register(registry);
        this.reconnects = Counter.builder(PREFIX + ".reconnects").description("Sockets lost and reopened")
                .register(registry);
        this.recovered = Counter.builder(PREFIX + ".recovered")
                .description("Items missed while a socket was down and read back from the transcript")
                .register(registry);
    }

    /** @param registry a Micrometer {@code MeterRegistry} @return the metrics of that registry's sessions */
    public static SessionMetrics of(Object registry) {
        return BY_REGISTRY.computeIfAbsent((MeterRegistry) registry, MicrometerSessionMetrics::new);
    }

    @Override
    public void opened() {
        open.incrementAndGet();
    }

    @Override
    public void closed() {
        open.decrementAndGet();
    }

    @Override
    public void reconnect() {
        reconnects.increment();
    }

    @Override
    public void item(String kind) {
        items.computeIfAbsent(kind, k -> Counter.builder(PREFIX + ".items").description("Chat items received")
                .tag("kind", k).register(registry)).increment();
    }

    @Override
    public void recovered() {
        recovered.increment();
    }
}
