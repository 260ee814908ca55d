package dev.connectchat.participant.websocket;

import dev.connectchat.participant.internal.Durations;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ChatSession} keeps its connection. Immutable; {@link #defaults()} or {@link #builder()}.
 * The defaults follow the official browser client and the service's limits: see the {@code DEFAULT_*}
 * constants.
 */
public final class ChatSessionOptions {
    /** Heartbeat period; a heartbeat still unanswered at the next one means the socket is dead. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    /** How long before its expiry the connection token is refreshed. */
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofSeconds(60);
    /** How long a socket is used before it is replaced, make-before-break (the browser client: 59 min). */
    public static final Duration DEFAULT_SOCKET_ROTATION = Duration.ofMinutes(59);
    /** First reconnect backoff; it doubles per failed attempt, with jitter, up to {@link #DEFAULT_MAX_BACKOFF}. */
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofSeconds(2);
    /** Longest reconnect backoff. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Reconnect attempts after a loss before the session gives up: none, it never does. */
    public static final long DEFAULT_MAX_RECONNECT_ATTEMPTS = Long.MAX_VALUE;
    /** Items buffered for a subscriber that does not keep up. */
    public static final int DEFAULT_BUFFER_SIZE = 1024;
    /** How many recent item ids are remembered to drop duplicates. */
    public static final int DEFAULT_DEDUPLICATION_WINDOW = 512;
    /** The shortest time between two typing events sent. */
    public static final Duration DEFAULT_TYPING_INTERVAL = Duration.ofSeconds(10);

    private static final ChatSessionOptions DEFAULTS = builder().build();

    private final Duration heartbeatInterval;
    private final Duration tokenRefreshMargin;
    private final Duration socketRotation;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final long maxReconnectAttempts;
    private final int bufferSize;
    private final BufferOverflowStrategy overflowStrategy;
    private final int deduplicationWindow;
    private final Duration typingInterval;
    private final HttpClient webSocketClient;
    private final Object meterRegistry;

    private ChatSessionOptions(Builder b) {
        this.heartbeatInterval = b.heartbeatInterval;
        this.tokenRefreshMargin = b.tokenRefreshMargin;
        this.socketRotation = b.socketRotation;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxReconnectAttempts = b.maxReconnectAttempts;
        this.bufferSize = b.bufferSize;
        this.overflowStrategy = b.overflowStrategy;
        this.deduplicationWindow = b.deduplicationWindow;
        this.typingInterval = b.typingInterval;
        this.webSocketClient = b.webSocketClient;
        this.meterRegistry = b.meterRegistry;
    }

    /** @return the defaults */
    public static ChatSessionOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.heartbeatInterval = heartbeatInterval;
        b.tokenRefreshMargin = tokenRefreshMargin;
        b.socketRotation = socketRotation;
        b.minBackoff = minBackoff;
        b.maxBackoff = maxBackoff;
        b.maxReconnectAttempts = maxReconnectAttempts;
        b.bufferSize = bufferSize;
        b.overflowStrategy = overflowStrategy;
        b.deduplicationWindow = deduplicationWindow;
        b.typingInterval = typingInterval;
        b.webSocketClient = webSocketClient;
        b.meterRegistry = meterRegistry;
        return b;
    }

    /** @return the heartbeat period */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** @return how long before its expiry the connection token is refreshed */
    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    /** @return how long a socket is used before it is replaced */
    public Duration socketRotation() {
        return socketRotation;
    }

    /** @return the first reconnect backoff */
    public Duration minBackoff() {
        return minBackoff;
    }

    /** @return the longest reconnect backoff */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return reconnect attempts after a loss before giving up */
    public long maxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    /** @return items buffered per slow subscriber */
    public int bufferSize() {
        return bufferSize;
    }

    /** @return what happens when a subscriber's buffer is full */
    public BufferOverflowStrategy overflowStrategy() {
        return overflowStrategy;
    }

    /** @return how many recent item ids are remembered to drop duplicates */
    public int deduplicationWindow() {
        return deduplicationWindow;
    }

    /** @return the shortest time between two typing events sent */
    public Duration typingInterval() {
        return typingInterval;
    }

    /** @return the Reactor Netty client the sockets are opened with */
    public HttpClient webSocketClient() {
        return webSocketClient;
    }

    /** @return the Micrometer {@code MeterRegistry} sessions report to, or {@code null} */
    public Object meterRegistry() {
        return meterRegistry;
    }

    /** Builds {@link ChatSessionOptions}. */
    public static final class Builder {
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration tokenRefreshMargin = DEFAULT_TOKEN_REFRESH_MARGIN;
        private Duration socketRotation = DEFAULT_SOCKET_ROTATION;
        private Duration minBackoff = DEFAULT_MIN_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private long maxReconnectAttempts = DEFAULT_MAX_RECONNECT_ATTEMPTS;
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private BufferOverflowStrategy overflowStrategy = BufferOverflowStrategy.ERROR;
        private int deduplicationWindow = DEFAULT_DEDUPLICATION_WINDOW;
        private Duration typingInterval = DEFAULT_TYPING_INTERVAL;
        /** Sockets are never pooled: each session holds its own connection for its whole life. */
        private HttpClient webSocketClient = HttpClient.newConnection();
        private Object meterRegistry;

        private Builder() {
        }

        /** @param interval the heartbeat period @return this builder */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = Durations.positive("heartbeatInterval", interval);
            return this;
        }

        /** @param margin how long before its expiry the token is refreshed @return this builder */
        public Builder tokenRefreshMargin(Duration margin) {
            this.tokenRefreshMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /** @param rotation how long a socket is used before it is replaced @return this builder */
        public Builder socketRotation(Duration rotation) {
            this.socketRotation = Durations.positive("socketRotation", rotation);
            return this;
        }

        /**
         * @param min the first reconnect backoff
         * @param max the longest reconnect backoff
         * @return this builder
         */
        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = Durations.positive("min", min);
            this.maxBackoff = Durations.positive("max", max);
            return this;
        }

        /** @param attempts reconnect attempts before giving up (at least 1) @return this builder */
        public Builder maxReconnectAttempts(long attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxReconnectAttempts must be at least 1, was " + attempts);
            }
            this.maxReconnectAttempts = attempts;
            return this;
        }

        /**
         * @param size items buffered per slow subscriber (at least 1)
         * @param strategy what happens when it is full: {@code ERROR} (the default) ends that subscriber with an
         *                 {@link ItemBufferOverflowException}; {@code DROP_OLDEST} and {@code DROP_LATEST} drop
         * @return this builder
         */
        public Builder buffer(int size, BufferOverflowStrategy strategy) {
            if (size < 1) {
                throw new IllegalArgumentException("buffer size must be at least 1, was " + size);
            }
            this.bufferSize = size;
            this.overflowStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** @param window how many recent item ids to remember (at least 16) @return this builder */
        public Builder deduplicationWindow(int window) {
            if (window < 16) {
                throw new IllegalArgumentException("deduplicationWindow must be at least 16, was " + window);
            }
            this.deduplicationWindow = window;
            return this;
        }

        /** @param interval the shortest time between two typing events sent @return this builder */
        public Builder typingInterval(Duration interval) {
            this.typingInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** @param client the Reactor Netty client to open sockets with (proxy, TLS, loops) @return this builder */
        public Builder webSocketClient(HttpClient client) {
            this.webSocketClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Reports sessions to this registry: {@code connectchat.sessions.open}, {@code .reconnects},
         * {@code .items} (tag {@code kind}) and {@code .recovered}. Needs {@code micrometer-core}.
         *
         * @param registry the registry; {@code null} (the default) measures nothing
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        /** @return the options */
        public ChatSessionOptions build() {
            if (maxBackoff.compareTo(minBackoff) < 0) {
                throw new IllegalArgumentException("the longest backoff is shorter than the first");
            }
            return new ChatSessionOptions(this);
        }
    }
}
