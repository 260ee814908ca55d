package dev.connectchat.examples.webflux;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the service keeps its chat sessions' snapshots ({@code SessionSnapshot.encode()}), so that a restart, a
 * deploy or another instance can resume them. Snapshots hold the chats' tokens: a real store keeps them
 * encrypted at rest (a database column encrypted with a KMS key, say) and deletes them when the chat ends.
 */
public interface SessionStore {
    /** A stored snapshot and the session id the browser knows it by. */
    record Stored(String sessionId, String snapshot) {
    }

    /** Saves (or replaces) the snapshot of a session. */
    Mono<Void> save(String sessionId, String snapshot);

    /** Forgets a session: its chat ended or its customer left. */
    Mono<Void> remove(String sessionId);

    /** @return every stored snapshot */
    Flux<Stored> all();
}
