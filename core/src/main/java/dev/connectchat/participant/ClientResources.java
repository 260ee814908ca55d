package dev.connectchat.participant;

import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What clients may share and must be closed once: the connection pool. A client built without resources makes
 * its own and closes them in {@link ParticipantClient#close()}; resources given to several clients with
 * {@link ParticipantClientBuilder#clientResources} stay open until their owner closes them, after the clients.
 *
 * <p>The pool queues calls rather than refusing them once all connections are busy (Reactor Netty's default
 * refuses a call when 1,000 wait, and a bot backend answering thousands of chats sends in bursts); a call waits
 * up to {@link #DEFAULT_PENDING_ACQUIRE_TIMEOUT} for a connection. Idle connections are closed after
 * {@link #DEFAULT_MAX_IDLE_TIME}, before the service's load balancer would close them under a request. Event
 * loops are Reactor Netty's shared ones (those a WebFlux application already runs on).
 */
public final class ClientResources implements AutoCloseable {
    /** Connections per endpoint, by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 500;
    /** How long a call waits for a free connection, by default. */
    public static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(45);
    /** How long a connection may stay idle in the pool, by default. */
    public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);

    private final ConnectionProvider pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientResources(Builder b) {
        this.pool = ConnectionProvider.builder("connectchat")
                .maxConnections(b.maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(b.pendingAcquireTimeout)
                .maxIdleTime(b.maxIdleTime)
                .evictInBackground(b.maxIdleTime)
                .build();
    }

    /** @return resources with the defaults */
    public static ClientResources create() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    ConnectionProvider connectionProvider() {
        if (closed.get()) {
            throw new IllegalStateException("these ClientResources are closed");
        }
        return pool;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes the pool and its connections, without waiting (safe on an event loop). Idempotent. Calls of clients
     * that use these resources fail from then on.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.disposeLater().subscribe(null, error -> { });
        }
    }

    /** @return a {@code Mono} that closes the resources as {@link #close()} does and completes once they are */
    public Mono<Void> closeLater() {
        return Mono.defer(() -> {
            closed.set(true);
            return pool.disposeLater();
        });
    }

    @Override
    public String toString() {
        return "ClientResources[" + (closed.get() ? "closed" : "open") + "]";
    }

    /** Builds {@link ClientResources}. */
    public static final class Builder {
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration pendingAcquireTimeout = DEFAULT_PENDING_ACQUIRE_TIMEOUT;
        private Duration maxIdleTime = DEFAULT_MAX_IDLE_TIME;

        private Builder() {
        }

        /**
         * @param maxConnections connections per endpoint, at least 1
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * @param timeout how long a call waits for a free connection
         * @return this builder
         */
        public Builder pendingAcquireTimeout(Duration timeout) {
            this.pendingAcquireTimeout = positive("pendingAcquireTimeout", timeout);
            return this;
        }

        /**
         * @param maxIdleTime how long a connection may stay idle in the pool
         * @return this builder
         */
        public Builder maxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = positive("maxIdleTime", maxIdleTime);
            return this;
        }

        /** @return new resources; close them when done */
        public ClientResources build() {
            return new ClientResources(this);
        }

        private static Duration positive(String name, Duration d) {
            return dev.connectchat.participant.internal.Durations.positive(name, Objects.requireNonNull(d, name));
        }
    }
}
