package dev.connectchat.participant.websocket;

import dev.connectchat.participant.spi.Options;
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
    /**
     * Heartbeat period; a heartbeat still unanswered at the next one, with no frame received in between, means the
     * socket is dead (frames arriving keep it alive: under a backlog the answer waits behind them).
     */
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
    /**
     * How long receipts asked for with {@link ChatSession#markRead} and {@link ChatSession#markDelivered} wait to be
     * sent together: the official browser client batches them about every 5 s.
     */
    public static final Duration DEFAULT_RECEIPT_INTERVAL = Duration.ofSeconds(5);
    /**
     * Largest chat frame taken: 256 KiB. A message holds up to 16,384 characters; pushed, it is JSON-escaped
     * twice (the item inside the frame is itself a JSON string), and a control character then takes 7 bytes:
     * about 115 KB of content, plus the item's other members.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 256 * 1024;
    /** How long the gap fill after a reconnect may hold back live items before they go on without it. */
    public static final Duration DEFAULT_GAP_FILL_TIMEOUT = Duration.ofSeconds(30);
    /** Transcript pages (of 100 items) the gap fill reads at most. */
    public static final int DEFAULT_GAP_FILL_MAX_PAGES = 20;
    /**
     * Reconnects per second that all sessions of one {@link dev.connectchat.participant.ParticipantClient}
     * may start together (each costs a CreateParticipantConnection and a GetTranscript), so that thousands of
     * sessions cut at once come back spread out rather than all in the same second.
     */
    public static final double DEFAULT_RECONNECT_RATE = 100;
    /** Reconnects the sessions of one client may start at once before {@link #DEFAULT_RECONNECT_RATE} applies. */
    public static final int DEFAULT_RECONNECT_BURST = 200;

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
    private final Duration receiptInterval;
    private final HttpClient webSocketClient;
    private final Object meterRegistry;
    private final int maxFrameBytes;
    private final Duration gapFillTimeout;
    private final int gapFillMaxPages;
    private final double reconnectRate;
    private final int reconnectBurst;

    private ChatSessionOptions(Builder b) {
        this.maxFrameBytes = b.maxFrameBytes;
        this.gapFillTimeout = b.gapFillTimeout;
        this.gapFillMaxPages = b.gapFillMaxPages;
        this.reconnectRate = b.reconnectRate;
        this.reconnectBurst = b.reconnectBurst;
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
        this.receiptInterval = b.receiptInterval;
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
        b.receiptInterval = receiptInterval;
        b.webSocketClient = webSocketClient;
        b.meterRegistry = meterRegistry;
        b.maxFrameBytes = maxFrameBytes;
        b.gapFillTimeout = gapFillTimeout;
        b.gapFillMaxPages = gapFillMaxPages;
        b.reconnectRate = reconnectRate;
        b.reconnectBurst = reconnectBurst;
        return b;
    }

    /** @return the largest chat frame taken, in bytes */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** @return how long the gap fill after a reconnect may hold back live items */
    public Duration gapFillTimeout() {
        return gapFillTimeout;
    }

    /** @return transcript pages the gap fill reads at most */
    public int gapFillMaxPages() {
        return gapFillMaxPages;
    }

    /** @return reconnects per second the sessions of one client may start */
    public double reconnectRate() {
        return reconnectRate;
    }

    /** @return reconnects the sessions of one client may start at once */
    public int reconnectBurst() {
        return reconnectBurst;
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

    /** @return how long requested receipts wait to be sent together */
    public Duration receiptInterval() {
        return receiptInterval;
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
        private Duration receiptInterval = DEFAULT_RECEIPT_INTERVAL;
        /** Sockets are never pooled: each session holds its own connection for its whole life. */
        private HttpClient webSocketClient = HttpClient.newConnection();
        private Object meterRegistry;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private Duration gapFillTimeout = DEFAULT_GAP_FILL_TIMEOUT;
        private int gapFillMaxPages = DEFAULT_GAP_FILL_MAX_PAGES;
        private double reconnectRate = DEFAULT_RECONNECT_RATE;
        private int reconnectBurst = DEFAULT_RECONNECT_BURST;

        private Builder() {
        }

        /**
         * @param bytes the largest chat frame taken (at least {@link #DEFAULT_MAX_FRAME_BYTES}, what the
         *              service may send); a larger one drops the socket, and the session reconnects
         * @return this builder
         */
        public Builder maxFrameBytes(int bytes) {
            if (bytes < DEFAULT_MAX_FRAME_BYTES) {
                throw new IllegalArgumentException("maxFrameBytes must be at least " + DEFAULT_MAX_FRAME_BYTES
                        + ", what the service may send; was " + bytes);
            }
            this.maxFrameBytes = bytes;
            return this;
        }

        /**
         * Bounds the gap fill after a reconnect. When it fails, takes longer or needs more pages than this,
         * the live items held back go on, behind a {@link ChatItem.TranscriptGap}.
         *
         * @param timeout how long live items may be held back (positive)
         * @param maxPages transcript pages read at most (at least 1)
         * @return this builder
         */
        public Builder gapFill(Duration timeout, int maxPages) {
            this.gapFillTimeout = Options.positive("gapFillTimeout", timeout);
            if (maxPages < 1) {
                throw new IllegalArgumentException("gapFillMaxPages must be at least 1, was " + maxPages);
            }
            this.gapFillMaxPages = maxPages;
            return this;
        }

        /**
         * Limits how fast the sessions of one {@link dev.connectchat.participant.ParticipantClient} reconnect,
         * together: the budget is shared by every session of that client.
         *
         * @param perSecond reconnects per second (more than 0)
         * @param burst reconnects at once before the rate applies (at least 1)
         * @return this builder
         */
        public Builder reconnectRate(double perSecond, int burst) {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("reconnectRate must be more than 0 per second with a burst of at "
                        + "least 1, was " + perSecond + " and " + burst);
            }
            this.reconnectRate = perSecond;
            this.reconnectBurst = burst;
            return this;
        }

        /** @param interval the heartbeat period @return this builder */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = Options.positive("heartbeatInterval", interval);
            return this;
        }

        /** @param margin how long before its expiry the token is refreshed @return this builder */
        public Builder tokenRefreshMargin(Duration margin) {
            this.tokenRefreshMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /** @param rotation how long a socket is used before it is replaced @return this builder */
        public Builder socketRotation(Duration rotation) {
            this.socketRotation = Options.positive("socketRotation", rotation);
            return this;
        }

        /**
         * @param min the first reconnect backoff
         * @param max the longest reconnect backoff
         * @return this builder
         */
        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = Options.positive("min", min);
            this.maxBackoff = Options.positive("max", max);
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

        /**
         * @param interval how long receipts asked for with {@link ChatSession#markRead} wait to be sent together
         *     ({@link Duration#ZERO}: at once, each on its own)
         * @return this builder
         */
        public Builder receiptInterval(Duration interval) {
            if (Objects.requireNonNull(interval, "interval").isNegative()) {
                throw new IllegalArgumentException("receiptInterval must not be negative, was " + interval);
            }
            this.receiptInterval = interval;
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
