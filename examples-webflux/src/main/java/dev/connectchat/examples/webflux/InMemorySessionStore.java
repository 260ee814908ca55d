package dev.connectchat.examples.webflux;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store: a map. It survives a restart of the application context in the same process (tests, a
 * refresh), not of the process; give the application a {@link SessionStore} bean of your own for that.
 */
public class InMemorySessionStore implements SessionStore {
    private final Map<String, String> snapshots = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> save(String sessionId, String snapshot) {
        return Mono.fromRunnable(() -> snapshots.put(sessionId, snapshot));
    }

    @Override
    public Mono<Void> remove(String sessionId) {
        return Mono.fromRunnable(() -> snapshots.remove(sessionId));
    }

    @Override
    public Flux<Stored> all() {
        return Flux.defer(() -> Flux.fromIterable(Map.copyOf(snapshots).entrySet()))
                .map(e -> new Stored(e.getKey(), e.getValue()));
    }
}
