package dev.connectchat.participant;

import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Run by its own Surefire execution with every AWS SDK and Micrometer artifact removed from the class path: a
 * user who neither signs nor measures needs none of them at run time.
 */
class WithoutAwsSdkTest {

    @Test
    void theSdkIsReallyAbsent() {
        assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.auth.credentials.AwsCredentialsProvider"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void micrometerIsReallyAbsent() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void anUnsignedClientWorks() {
        try (CaptureServer server = CaptureServer.start()) {
            ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).build();
            assertThat(client.sendMessage(SendMessageRequest.builder().connectionToken("tok").contentType("text/plain")
                    .content("hi").build()).block(Duration.ofSeconds(10))).isNotNull();
            assertThat(server.take().headers().get("X-Amz-Bearer")).isEqualTo("tok");
            assertThat(ParticipantClient.builder().region("us-east-1").build().endpoint().getHost())
                    .isEqualTo("participant.connect.us-east-1.amazonaws.com");
        }
    }
}
