package dev.connectchat.participant.spring;

import dev.connectchat.participant.ClientResources;
import dev.connectchat.participant.ParticipantClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration, in an {@link ApplicationContextRunner}. */
class ConnectChatAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConnectChatAutoConfiguration.class));

    @Test
    void aClientForTheRegion() {
        runner.withPropertyValues("connectchat.region=eu-west-2").run(context -> {
            assertThat(context).hasSingleBean(ParticipantClient.class);
            assertThat(context.getBean(ParticipantClient.class).endpoint())
                    .isEqualTo(URI.create("https://participant.connect.eu-west-2.amazonaws.com"));
        });
    }

    @Test
    void anEndpointAndEveryOtherProperty() {
        runner.withPropertyValues("connectchat.endpoint=http://127.0.0.1:8080", "connectchat.response-timeout=5s",
                "connectchat.connect-timeout=2s", "connectchat.retry.max-attempts=5",
                "connectchat.retry.base-delay=50ms", "connectchat.user-agent-suffix=my-app/1.0").run(context -> {
            ParticipantClient client = context.getBean(ParticipantClient.class);
            assertThat(client.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));
            assertThat(client.toString()).contains("maxAttempts=5").contains("baseDelay=PT0.05S");
            ConnectChatProperties properties = context.getBean(ConnectChatProperties.class);
            assertThat(properties.getResponseTimeout()).hasSeconds(5);
            assertThat(properties.getUserAgentSuffix()).isEqualTo("my-app/1.0");
        });
    }

    @Test
    void theContextClosesTheClientThenItsResources() {
        ParticipantClient[] client = new ParticipantClient[1];
        ClientResources[] resources = new ClientResources[1];
        runner.withPropertyValues("connectchat.endpoint=http://127.0.0.1:8080").run(context -> {
            client[0] = context.getBean(ParticipantClient.class);
            resources[0] = context.getBean(ClientResources.class);
            assertThat(resources[0].isClosed()).isFalse();
        });
        assertThat(client[0].toString()).as("closed with the context").endsWith("closed]");
        assertThat(resources[0].isClosed()).as("closed with the context").isTrue();
    }

    @Test
    void backsOffWhenTheApplicationHasItsOwn() {
        ParticipantClient own = ParticipantClient.builder().region("us-west-2").build();
        runner.withBean(ParticipantClient.class, () -> own).run(context ->
                assertThat(context.getBean(ParticipantClient.class)).isSameAs(own));
    }

    @Test
    void aBadRegionFailsTheStartWithAClearMessage() {
        runner.withPropertyValues("connectchat.region=somewhere").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("region must look like");
        });
    }

    @Test
    void callsAreMeasuredInTheApplicationsRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withPropertyValues("connectchat.endpoint=http://127.0.0.1:1", "connectchat.retry.max-attempts=1")
                .withBean(io.micrometer.core.instrument.MeterRegistry.class, () -> registry)
                .run(context -> {
                    ParticipantClient client = context.getBean(ParticipantClient.class);
                    client.sendMessage(dev.connectchat.participant.model.SendMessageRequest.builder()
                            .connectionToken("t").contentType("text/plain").content("").build())
                            .onErrorResume(e -> reactor.core.publisher.Mono.empty()).block();
                    assertThat(registry.get("connectchat.client.calls").tag("outcome", "invalid").timer().count())
                            .isEqualTo(1);
                });
        runner.withPropertyValues("connectchat.endpoint=http://127.0.0.1:1", "connectchat.metrics.enabled=false")
                .withBean(io.micrometer.core.instrument.MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).doesNotHaveBean(ParticipantClientCustomizer.class));
    }

    @Test
    void theConfigurationMetadataDescribesEveryProperty() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"connectchat.region\"", "\"connectchat.endpoint\"",
                    "\"connectchat.response-timeout\"", "\"connectchat.retry.max-attempts\"",
                    "\"connectchat.metrics.enabled\"", "AWS region of the service");
        }
    }
}
