package dev.connectchat.participant;

import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;

/**
 * The connection pool of every client built without its own. Reactor Netty's global pool refuses a call
 * once 1000 wait for a connection; bursts of thousands of chats answering at once are normal here, so calls
 * wait (up to {@value #ACQUIRE_TIMEOUT_SECONDS} s) instead. Idle connections are closed before the service's
 * load balancer would close them under a request.
 */
final class SharedPool {
    /** Connections per endpoint. */
    static final int MAX_CONNECTIONS = 500;
    /** How long a call waits for a connection. */
    static final long ACQUIRE_TIMEOUT_SECONDS = 45;

    static final ConnectionProvider INSTANCE = ConnectionProvider.builder("connectchat")
            .maxConnections(MAX_CONNECTIONS)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(Duration.ofSeconds(ACQUIRE_TIMEOUT_SECONDS))
            .maxIdleTime(Duration.ofSeconds(30))
            .evictInBackground(Duration.ofSeconds(30))
            .build();

    private SharedPool() {
    }
}
