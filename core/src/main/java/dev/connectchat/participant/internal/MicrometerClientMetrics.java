package dev.connectchat.participant.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The client's meters: {@code connectchat.client.calls} (a timer per operation and outcome) and
 * {@code connectchat.client.retries} (a counter per operation). Meters are looked up once and cached.
 */
final class MicrometerClientMetrics implements ClientMetrics {
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();

    /** @param registry a Micrometer {@code MeterRegistry} (typed loosely so that callers need not load it) */
    public MicrometerClientMetrics(Object registry) {
        this.registry = (MeterRegistry) registry;
    }

    @Override
    public void call(String operation, String outcome, long nanos) {
        timers.computeIfAbsent(operation + '|' + outcome, key -> Timer.builder(PREFIX + ".client.calls")
                        .description("Participant Service calls, retries included")
                        .tag("operation", operation).tag("outcome", outcome)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retry(String operation) {
        retries.computeIfAbsent(operation, key -> Counter.builder(PREFIX + ".client.retries")
                        .description("Participant Service calls sent again after a failure")
                        .tag("operation", operation)
                        .register(registry))
                .increment();
    }
}
