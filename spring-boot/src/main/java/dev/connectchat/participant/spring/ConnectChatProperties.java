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
}
