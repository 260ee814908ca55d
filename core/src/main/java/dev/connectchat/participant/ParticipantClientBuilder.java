package dev.connectchat.participant;

import dev.connectchat.participant.internal.Durations;
import dev.connectchat.participant.internal.DefaultParticipantClient;
import dev.connectchat.participant.internal.Endpoints;
import dev.connectchat.participant.internal.NettyCheck;
import dev.connectchat.participant.internal.RedactingWiretap;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link ParticipantClient}: a region or an endpoint is all it needs.
 *
 * <p>Requests go unsigned unless {@link #credentialsProvider} is given: the service authenticates by the
 * bearer token, and a chat customer has no AWS credentials. Only then are the AWS SDK's auth modules
 * needed on the class path.
 */
public final class ParticipantClientBuilder {
    /** Response timeout of each attempt, unless set: {@value #DEFAULT_RESPONSE_TIMEOUT_SECONDS} s. */
    public static final long DEFAULT_RESPONSE_TIMEOUT_SECONDS = 30;
    /**
     * Deadline of each attempt, from its start to the last byte of the answer, unless set:
     * {@value #DEFAULT_API_CALL_ATTEMPT_TIMEOUT_SECONDS} s.
     */
    public static final long DEFAULT_API_CALL_ATTEMPT_TIMEOUT_SECONDS = 30;
    /**
     * Largest response body read, unless set: {@value #DEFAULT_MAX_RESPONSE_BYTES} bytes (10 MiB). The largest
     * answer the service can give is a GetTranscript page of 100 items of 16,384 characters each; a character
     * takes up to 6 bytes once JSON-escaped, so about 9.8 MB.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;
    /** Connect timeout, unless set: {@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} s. */
    public static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    /** The user agent, to which {@link #userAgentSuffix} is appended. */
    public static final String USER_AGENT = "connectchat/" + version() + " java/" + System.getProperty("java.version");

    private String region;
    private URI endpoint;
    private Duration responseTimeout = Duration.ofSeconds(DEFAULT_RESPONSE_TIMEOUT_SECONDS);
    private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);
    private Duration apiCallAttemptTimeout = Duration.ofSeconds(DEFAULT_API_CALL_ATTEMPT_TIMEOUT_SECONDS);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private boolean wiretap;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpClient httpClient;
    private ConnectionProvider connectionProvider;
    private ClientResources clientResources;
    private String userAgentSuffix;
    private AwsCredentialsProvider credentialsProvider;
    private boolean allowPlainHttp;
    private MeterRegistry meterRegistry;
    private boolean reactorNettyMetrics;

    ParticipantClientBuilder() {
    }

    /**
     * @param region e.g. {@code us-east-1}; the endpoint is {@code https://participant.connect.<region>.amazonaws.com}
     *               ({@code .com.cn} in China) unless {@link #endpoint} is set; also the signing region
     * @return this builder
     */
    public ParticipantClientBuilder region(String region) {
        this.region = region;
        return this;
    }

    /**
     * @param endpoint the endpoint to call instead of the region's, e.g. an emulator's
     * @return this builder
     */
    public ParticipantClientBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /**
     * @param responseTimeout the longest silence while one attempt waits for the answer: between sending the
     *                        request and the first byte back, and between two reads after that. A server that
     *                        drips bytes stays under it; {@link #apiCallAttemptTimeout} bounds the whole attempt
     * @return this builder
     */
    public ParticipantClientBuilder responseTimeout(Duration responseTimeout) {
        this.responseTimeout = Durations.positive("responseTimeout", responseTimeout);
        return this;
    }

    /**
     * @param timeout the deadline of one attempt, from its start (waiting for a pooled connection included)
     *                to the last byte of the answer; an attempt over it fails with a
     *                {@link ParticipantTransportException} of kind {@code TIMEOUT} and may be retried
     * @return this builder
     */
    public ParticipantClientBuilder apiCallAttemptTimeout(Duration timeout) {
        this.apiCallAttemptTimeout = Durations.positive("apiCallAttemptTimeout", timeout);
        return this;
    }

    /**
     * @param maxBytes the largest response body the client reads; a larger one (by its
     *                 {@code Content-Length}, or as it arrives) fails the call at once with a
     *                 {@link ResponseTooLargeException}, and the connection is closed
     * @return this builder
     */
    public ParticipantClientBuilder maxResponseBytes(long maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + maxBytes);
        }
        this.maxResponseBytes = maxBytes;
        return this;
    }

    /**
     * Logs every connection's events and bytes at DEBUG under {@code dev.connectchat.participant.wiretap}, with
     * tokens, signatures and credentials replaced by {@code ***}. Reactor Netty's own {@code wiretap} would log
     * them in clear: use this one instead.
     *
     * @param enabled whether to log the traffic
     * @return this builder
     */
    public ParticipantClientBuilder wiretap(boolean enabled) {
        this.wiretap = enabled;
        return this;
    }

    /**
     * @param connectTimeout how long to wait for a new connection
     * @return this builder
     */
    public ParticipantClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Durations.positive("connectTimeout", connectTimeout);
        return this;
    }

    /**
     * @param retryPolicy the retry policy; {@link RetryPolicy#none()} turns retries off
     * @return this builder
     */
    public ParticipantClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /**
     * @param httpClient a Reactor Netty client to send with (its pool, loops, proxy, TLS and metrics
     *                   settings are kept); the default sends through one pool shared by every client built
     *                   without one (see {@link #connectionProvider})
     * @return this builder
     */
    public ParticipantClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * @param connectionProvider a connection pool to send through (ignored when {@link #httpClient} is set);
     *                           its owner disposes it. Without one (and without {@link #clientResources}), the
     *                           client makes its own {@link ClientResources} and closes them with itself
     * @return this builder
     */
    public ParticipantClientBuilder connectionProvider(ConnectionProvider connectionProvider) {
        this.connectionProvider = connectionProvider;
        return this;
    }

    /**
     * @param clientResources resources to share with other clients (ignored when {@link #httpClient} or
     *                        {@link #connectionProvider} is set); their owner closes them, after the clients.
     *                        Without any, the client makes its own and closes them in {@link ParticipantClient#close()}
     * @return this builder
     */
    public ParticipantClientBuilder clientResources(ClientResources clientResources) {
        this.clientResources = clientResources;
        return this;
    }

    /**
     * @param userAgentSuffix appended to the {@code User-Agent} header, e.g. {@code my-bot/1.2}
     * @return this builder
     */
    public ParticipantClientBuilder userAgentSuffix(String userAgentSuffix) {
        this.userAgentSuffix = userAgentSuffix;
        return this;
    }

    /**
     * Signs every request with SigV4 (signing name {@code execute-api}) with these credentials. Needs the AWS
     * SDK modules {@code auth} and {@code http-auth-aws} on the class path, and a {@link #region}.
     *
     * @param credentialsProvider the credentials; {@code null} (the default) sends unsigned requests
     * @return this builder
     */
    public ParticipantClientBuilder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
        return this;
    }

    /**
     * Plain {@code http://} endpoints are refused unless they are loopback addresses (an emulator); this lets
     * any through, unencrypted. Tokens would travel in clear text.
     *
     * @param allowPlainHttp whether to allow {@code http://} endpoints that are not loopback
     * @return this builder
     */
    public ParticipantClientBuilder allowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
        return this;
    }

    /**
     * Measures calls into this registry: {@code connectchat.client.calls} (timer; tags {@code operation},
     * {@code outcome}) and {@code connectchat.client.retries} (counter; tag {@code operation}). Needs
     * {@code micrometer-core} on the class path (an optional dependency).
     *
     * @param meterRegistry the registry; {@code null} (the default) measures nothing
     * @return this builder
     */
    public ParticipantClientBuilder meterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        return this;
    }

    /**
     * Switches on Reactor Netty's own HTTP client metrics (connections, pool, data sent and received), which
     * Reactor Netty reports to Micrometer's global registry, tagged by the operation's path.
     *
     * @param enabled whether to switch them on
     * @return this builder
     */
    public ParticipantClientBuilder reactorNettyMetrics(boolean enabled) {
        this.reactorNettyMetrics = enabled;
        return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException when neither region nor endpoint is set and {@code AWS_REGION} is not
     *                               either, when signing is asked for without a region, or when the class path
     *                               has Netty jars other than 4.2 (the message names them and the fix)
     * @throws IllegalArgumentException for a malformed region, an endpoint that is not {@code https}
     *                                  (or loopback {@code http}), or a plain-HTTP endpoint not allowed
     */
    public ParticipantClient build() {
        NettyCheck.verify();
        String signingRegion = region;
        URI target = endpoint;
        if (target == null) {
            if (signingRegion == null) {
                signingRegion = regionFromEnvironment();
            }
            target = Endpoints.forRegion(signingRegion);
        }
        checkEndpoint(target);
        if (credentialsProvider != null && signingRegion == null) {
            throw new IllegalStateException("signing needs a region: set region(...) as well as endpoint(...)");
        }
        // the address is given as host and port, not as a base URL: Reactor Netty parses a URL whose port has one
        // digit as a host name and looks it up in DNS; a path of the endpoint stays a prefix of every request
        String prefix = target.getRawPath() == null || target.getRawPath().equals("/") ? ""
                : target.getRawPath().replaceAll("/+$", "");
        String host = target.getHost().startsWith("[") ? target.getHost().substring(1, target.getHost().length() - 1)
                : target.getHost();
        boolean https = "https".equals(target.getScheme());
        int port = target.getPort() != -1 ? target.getPort() : https ? 443 : 80;
        String userAgent = userAgentSuffix == null || userAgentSuffix.isBlank()
                ? USER_AGENT : USER_AGENT + " " + userAgentSuffix.strip();

        // resources this client makes are its own to close; given ones belong to whoever gave them
        ClientResources own = httpClient == null && connectionProvider == null && clientResources == null
                ? ClientResources.create() : null;
        HttpClient http = httpClient != null ? httpClient
                : HttpClient.create(connectionProvider != null ? connectionProvider
                        : (own != null ? own : clientResources).connectionProvider());
        http = http.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        if (wiretap) {
            // in the pipeline for the channel's whole life, behind TLS and the HTTP codec, so it sees requests
            // and responses as text
            http = http.doOnChannelInit((observer, channel, remote) -> {
                if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel.pipeline().addAfter(NettyPipeline.HttpCodec, RedactingWiretap.NAME, RedactingWiretap.INSTANCE);
                }
            });
        }
        // one address for every call: host(..).port(..) would format Reactor Netty's default address at each request
        java.net.InetSocketAddress address = java.net.InetSocketAddress.createUnresolved(host, port);
        HttpClient api = http.remoteAddress(() -> address);
        if (https && api.configuration().sslProvider() == null) {
            api = api.secure();
        }
        api = (prefix.isEmpty() ? api : api.baseUrl(prefix)).headers(h -> h.set(HttpHeaderNames.USER_AGENT, userAgent));
        if (reactorNettyMetrics) {
            // one tag value per operation, not per view token
            api = api.metrics(true, uri -> uri.startsWith("/participant/views/") ? "/participant/views/{ViewToken}" : uri);
        }
        HttpClient transfer = http.headers(h -> h.set(HttpHeaderNames.USER_AGENT, userAgent));
        return new DefaultParticipantClient(api, transfer, target, retryPolicy, credentialsProvider, signingRegion,
                meterRegistry, new DefaultParticipantClient.Limits(apiCallAttemptTimeout, maxResponseBytes),
                own == null ? () -> { } : own::close);
    }

    private void checkEndpoint(URI target) {
        String scheme = target.getScheme();
        if (target.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URI, was " + target);
        }
        if ("http".equals(scheme) && !allowPlainHttp && !Endpoints.isLoopback(target)) {
            throw new IllegalArgumentException("endpoint " + target + " is plain http and not a loopback address: "
                    + "tokens would travel unencrypted; use https, or allowPlainHttp(true) if you must");
        }
    }

    /** @return the library's version, as the build wrote it next to this class */
    private static String version() {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = ParticipantClientBuilder.class.getResourceAsStream("connectchat.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (java.io.IOException unreadable) {
            // the version is only for User-Agent
        }
        return properties.getProperty("version", "unknown");
    }

    private static String regionFromEnvironment() {
        String fromEnv = System.getenv("AWS_REGION");
        String found = fromEnv != null && !fromEnv.isBlank() ? fromEnv : System.getProperty("aws.region");
        if (found == null || found.isBlank()) {
            throw new IllegalStateException(
                    "no region: set region(...) or endpoint(...), or the AWS_REGION environment variable");
        }
        return found.strip();
    }
}
