package dev.connectchat.participant.spring;

import dev.connectchat.participant.ClientResources;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ParticipantClientBuilder;
import dev.connectchat.participant.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link ParticipantClient} bean from the {@code connectchat.*} properties, unless the application defines
 * its own. With Micrometer and a {@code MeterRegistry} bean, calls are measured there
 * ({@code connectchat.metrics.enabled=false} turns that off).
 */
@AutoConfiguration
@ConditionalOnClass(ParticipantClient.class)
@EnableConfigurationProperties(ConnectChatProperties.class)
@org.springframework.context.annotation.Import(SessionOptionsConfiguration.class)
public class ConnectChatAutoConfiguration {

    /**
     * The connection pool; the context closes it at shutdown, after the clients that use it.
     *
     * @return the resources
     */
    @Bean
    @ConditionalOnMissingBean
    public ClientResources connectChatClientResources() {
        return ClientResources.create();
    }

    /**
     * The client; the context closes it at shutdown (its chat sessions close with it, without reconnecting).
     *
     * @param properties the properties
     * @param resources the connection pool
     * @param customizers customizers to apply after the properties
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public ParticipantClient participantClient(ConnectChatProperties properties, ClientResources resources,
                                               ObjectProvider<ParticipantClientCustomizer> customizers) {
        ParticipantClientBuilder builder = ParticipantClient.builder()
                .clientResources(resources)
                .responseTimeout(properties.getResponseTimeout())
                .connectTimeout(properties.getConnectTimeout())
                .userAgentSuffix(properties.getUserAgentSuffix())
                .allowPlainHttp(properties.isAllowPlainHttp())
                .reactorNettyMetrics(properties.getMetrics().isReactorNetty())
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(properties.getRetry().getMaxAttempts())
                        .baseDelay(properties.getRetry().getBaseDelay())
                        .throttlingBaseDelay(properties.getRetry().getThrottlingBaseDelay())
                        .maxBackoff(properties.getRetry().getMaxBackoff())
                        .build());
        if (properties.getRegion() != null) {
            builder.region(properties.getRegion());
        }
        if (properties.getEndpoint() != null) {
            builder.endpoint(properties.getEndpoint());
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        try {
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw explained(properties, e);
        }
    }

    /** The builder's complaint, in terms of the properties that set it. */
    private static RuntimeException explained(ConnectChatProperties properties, RuntimeException e) {
        if (properties.getRegion() == null && properties.getEndpoint() == null && e.getMessage().startsWith("no region")) {
            return new ConnectChatConfigurationException("No region or endpoint is set for the Amazon Connect "
                    + "Participant Service client.", "Set connectchat.region (e.g. us-east-1), or connectchat.endpoint "
                    + "(e.g. http://127.0.0.1:8080 for an emulator), or the AWS_REGION environment variable.", e);
        }
        if (e.getMessage().startsWith("region must look like")) {
            return new ConnectChatConfigurationException("connectchat.region is not a region: " + e.getMessage(),
                    "Set connectchat.region to an AWS region such as us-east-1.", e);
        }
        if (e.getMessage().contains("endpoint")) {
            return new ConnectChatConfigurationException("connectchat.endpoint cannot be used: " + e.getMessage(),
                    "Set connectchat.endpoint to an https:// URL (http:// only for a loopback emulator, or with "
                            + "connectchat.allow-plain-http=true).", e);
        }
        return e;
    }

    /** Measures calls in the application's registry; only where Micrometer is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBooleanProperty(name = "connectchat.metrics.enabled", matchIfMissing = true)
    static class Metrics {
        @Bean
        ParticipantClientCustomizer connectChatMetrics(ObjectProvider<MeterRegistry> registry) {
            return builder -> registry.ifAvailable(builder::meterRegistry);
        }
    }
}
