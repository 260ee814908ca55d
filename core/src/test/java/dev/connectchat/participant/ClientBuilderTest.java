package dev.connectchat.participant;

import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Recorded;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Endpoints, plain-HTTP policy, user agent and SigV4 signing. */
class ClientBuilderTest {

    @Test
    void regionsGiveTheServiceEndpoint() {
        assertThat(ParticipantClient.builder().region("us-east-1").build().endpoint())
                .isEqualTo(URI.create("https://participant.connect.us-east-1.amazonaws.com"));
        assertThat(ParticipantClient.builder().region("eu-west-2").build().endpoint())
                .isEqualTo(URI.create("https://participant.connect.eu-west-2.amazonaws.com"));
        assertThat(ParticipantClient.builder().region("cn-north-1").build().endpoint())
                .isEqualTo(URI.create("https://participant.connect.cn-north-1.amazonaws.com.cn"));
        assertThatThrownBy(() -> ParticipantClient.builder().region("us east 1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
    }

    @Test
    void createTakesTheRegionFromTheEnvironment() {
        assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set here");
        String before = System.getProperty("aws.region");
        try {
            System.clearProperty("aws.region");
            assertThatThrownBy(ParticipantClient::create).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AWS_REGION");
            System.setProperty("aws.region", "ap-southeast-2");
            assertThat(ParticipantClient.create().endpoint().getHost())
                    .isEqualTo("participant.connect.ap-southeast-2.amazonaws.com");
        } finally {
            if (before == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", before);
            }
        }
    }

    @Test
    void plainHttpOnlyForLoopbackUnlessAllowed() {
        assertThat(ParticipantClient.builder().endpoint(URI.create("http://127.0.0.1:8080")).build()).isNotNull();
        assertThat(ParticipantClient.builder().endpoint(URI.create("http://localhost:8080")).build()).isNotNull();
        assertThat(ParticipantClient.builder().endpoint(URI.create("http://[::1]:8080")).build()).isNotNull();
        assertThatThrownBy(() -> ParticipantClient.builder().endpoint(URI.create("http://chat.example.com")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowPlainHttp");
        assertThatThrownBy(() -> ParticipantClient.builder().endpoint(URI.create("http://10.0.0.8:80")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ParticipantClient.builder().endpoint(URI.create("http://chat.example.com")).allowPlainHttp(true)
                .build().endpoint().getHost()).isEqualTo("chat.example.com");
        assertThatThrownBy(() -> ParticipantClient.builder().endpoint(URI.create("ftp://x")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userAgentSuffixAndUnsignedByDefault() {
        try (CaptureServer server = CaptureServer.start()) {
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).userAgentSuffix("my-bot/1.2")
                    .build();
            send(client);
            Recorded r = server.take();
            assertThat(r.headers().get("User-Agent")).matches("connectchat/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? java/.* my-bot/1\\.2");
            assertThat(r.headers().get("Authorization")).isNull();
            assertThat(r.headers().get("X-Amz-Date")).isNull();
        }
    }

    @Test
    void signsWithSigV4WhenGivenCredentials() {
        try (CaptureServer server = CaptureServer.start()) {
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).region("us-west-2")
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create("AKIDEXAMPLE", "secret-key-xyz", "session-tok")))
                    .build();
            send(client);
            Recorded r = server.take();
            String auth = r.headers().get("Authorization");
            assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/us-west-2/execute-api/aws4_request")
                    .contains("SignedHeaders=").contains("x-amz-bearer")
                    .doesNotContain("secret-key-xyz");
            assertThat(r.headers().get("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
            assertThat(r.headers().get("X-Amz-Security-Token")).isEqualTo("session-tok");
            assertThat(r.headers().get("X-Amz-Bearer")).isEqualTo("tok");
            assertThat(r.text()).startsWith("{\"ContentType\":\"text/plain\"");
            assertThat(client.toString()).doesNotContain("secret-key-xyz").doesNotContain("AKIDEXAMPLE");
        }
    }

    @Test
    void aUsersHttpClientOrPoolIsUsedWithItsSettings() {
        try (CaptureServer server = CaptureServer.start()) {
            ParticipantClient custom = ParticipantClient.builder().endpoint(server.uri())
                    .httpClient(reactor.netty.http.client.HttpClient.create().headers(h -> h.add("X-Team", "bots")))
                    .build();
            send(custom);
            assertThat(server.take().headers().get("X-Team")).isEqualTo("bots");

            reactor.netty.resources.ConnectionProvider pool = reactor.netty.resources.ConnectionProvider.create("mine", 1);
            try {
                ParticipantClient pooled = ParticipantClient.builder().endpoint(server.uri()).connectionProvider(pool)
                        .build();
                reactor.core.publisher.Flux.range(0, 5).flatMap(i -> pooled.sendMessage(SendMessageRequest.builder()
                        .connectionToken("tok").contentType("text/plain").content("m" + i).build()))
                        .blockLast(Duration.ofSeconds(10));
                java.util.List<CaptureServer.Recorded> sent = server.drain();
                assertThat(sent).hasSize(5);
                assertThat(sent).extracting(CaptureServer.Recorded::from).as("one connection: the pool of one was used")
                        .containsOnly(sent.get(0).from());
            } finally {
                pool.disposeLater().block(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void signingNeedsARegion() {
        assertThatThrownBy(() -> ParticipantClient.builder().endpoint(URI.create("http://127.0.0.1:1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("region");
    }

    private static void send(ParticipantClient client) {
        client.sendMessage(SendMessageRequest.builder().connectionToken("tok").contentType("text/plain").content("hi")
                .build()).block(Duration.ofSeconds(10));
    }
}
