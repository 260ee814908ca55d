package dev.connectchat.participant.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/** The {@code connectchat.*} properties of the {@code ParticipantClient} bean. */
@ConfigurationProperties("connectchat")
public class ConnectChatProperties {
    /** AWS region of the service, e.g. us-east-1. Defaults to the AWS_REGION environment variable. */
    private String region;
    /** Endpoint to call instead of the region's, e.g. an emulator's http://127.0.0.1:8080. */
    private URI endpoint;
    /** How long one attempt waits for its response. */
    private Duration responseTimeout = Duration.ofSeconds(30);
    /** How long to wait for a new connection. */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Appended to the User-Agent header. */
    private String userAgentSuffix;
    /** Whether plain http:// endpoints that are not loopback addresses are allowed (tokens in clear text). */
    private boolean allowPlainHttp;
    /** Retries. */
    private final Retry retry = new Retry();
    /** Metrics. */
    private final Metrics metrics = new Metrics();
    /** Chat sessions (with connectchat-websocket on the class path); unset ones keep ChatSessionOptions' defaults. */
    private final Session session = new Session();

    public Session getSession() {
        return session;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getUserAgentSuffix() {
        return userAgentSuffix;
    }

    public void setUserAgentSuffix(String userAgentSuffix) {
        this.userAgentSuffix = userAgentSuffix;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public Retry getRetry() {
        return retry;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** {@code connectchat.retry.*}. */
    public static class Retry {
        /** Attempts in all, the first included; 1 turns retries off. */
        private int maxAttempts = 3;
        /** Base of the backoff after a non-throttling failure. */
        private Duration baseDelay = Duration.ofMillis(100);
        /** Base of the backoff after throttling. */
        private Duration throttlingBaseDelay = Duration.ofSeconds(1);
        /** Longest backoff. */
        private Duration maxBackoff = Duration.ofSeconds(20);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBaseDelay() {
            return baseDelay;
        }

        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        public Duration getThrottlingBaseDelay() {
            return throttlingBaseDelay;
        }

        public void setThrottlingBaseDelay(Duration throttlingBaseDelay) {
            this.throttlingBaseDelay = throttlingBaseDelay;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** {@code connectchat.metrics.*}. */
    public static class Metrics {
        /** Whether calls are measured in the application's MeterRegistry, when it has one. */
        private boolean enabled = true;
        /** Whether Reactor Netty's own HTTP client metrics are switched on as well. */
        private boolean reactorNetty;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isReactorNetty() {
            return reactorNetty;
        }

        public void setReactorNetty(boolean reactorNetty) {
            this.reactorNetty = reactorNetty;
        }
    }

    /** The {@code connectchat.session.*} properties: what {@code ChatSessionOptions} holds. */
    public static class Session {
        /** Interval of the heartbeats that tell a dead socket (default 10s). */
        private Duration heartbeatInterval;
        /** How long before its expiry the connection token is refreshed (default 60s). */
        private Duration tokenRefreshMargin;
        /** How often the socket is replaced, make-before-break (default 59m). */
        private Duration socketRotation;
        /** The first reconnect backoff (default 2s). */
        private Duration minBackoff;
        /** The longest reconnect backoff (default 30s). */
        private Duration maxBackoff;
        /** Reconnect attempts in a row before the session gives up (default: no limit). */
        private Long maxReconnectAttempts;
        /** Items buffered per subscriber (default 1024). */
        private Integer bufferSize;
        /** Reconnects per second all sessions of the client may start (default 100). */
        private Double reconnectRate;
        /** Reconnects that may start at once (default 200). */
        private Integer reconnectBurst;
        /** How long a gap fill may take before live delivery goes on behind a TranscriptGap (default 30s). */
        private Duration gapFillTimeout;
        /** Transcript pages a gap fill may read (default 20). */
        private Integer gapFillMaxPages;

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public Duration getTokenRefreshMargin() {
            return tokenRefreshMargin;
        }

        public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
            this.tokenRefreshMargin = tokenRefreshMargin;
        }

        public Duration getSocketRotation() {
            return socketRotation;
        }

        public void setSocketRotation(Duration socketRotation) {
            this.socketRotation = socketRotation;
        }

        public Duration getMinBackoff() {
            return minBackoff;
        }

        public void setMinBackoff(Duration minBackoff) {
            this.minBackoff = minBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Long getMaxReconnectAttempts() {
            return maxReconnectAttempts;
        }

        public void setMaxReconnectAttempts(Long maxReconnectAttempts) {
            this.maxReconnectAttempts = maxReconnectAttempts;
        }

        public Integer getBufferSize() {
            return bufferSize;
        }

        public void setBufferSize(Integer bufferSize) {
            this.bufferSize = bufferSize;
        }

        public Double getReconnectRate() {
            return reconnectRate;
        }

        public void setReconnectRate(Double reconnectRate) {
            this.reconnectRate = reconnectRate;
        }

        public Integer getReconnectBurst() {
            return reconnectBurst;
        }

        public void setReconnectBurst(Integer reconnectBurst) {
            this.reconnectBurst = reconnectBurst;
        }

        public Duration getGapFillTimeout() {
            return gapFillTimeout;
        }

        public void setGapFillTimeout(Duration gapFillTimeout) {
            this.gapFillTimeout = gapFillTimeout;
        }

        public Integer getGapFillMaxPages() {
            return gapFillMaxPages;
        }

        public void setGapFillMaxPages(Integer gapFillMaxPages) {
            this.gapFillMaxPages = gapFillMaxPages;
        }
    }
}
