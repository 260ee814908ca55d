package dev.connectchat.participant;

import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation also takes a Consumer of its request's builder, as the AWS SDK's clients do, and sends the same. */
class BuilderOverloadsTest {

    @Test
    void everyOperationHasABuilderOverload() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Method m : ParticipantClient.class.getMethods()) {
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0].getSimpleName().endsWith("Request")) {
                try {
                    Method overload = ParticipantClient.class.getMethod(m.getName(), Consumer.class);
                    ParameterizedType consumer = (ParameterizedType) overload.getGenericParameterTypes()[0];
                    assertThat(consumer.getActualTypeArguments()[0].getTypeName())
                            .isEqualTo(m.getParameterTypes()[0].getName() + "$Builder");
                    assertThat(overload.getGenericReturnType()).isEqualTo(m.getGenericReturnType());
                } catch (NoSuchMethodException e) {
                    missing.add(m.getName());
                }
            }
        }
        assertThat(missing).as("operations without a Consumer<Builder> overload").isEmpty();
    }

    @Test
    void theOverloadSendsWhatTheRequestSends() {
        try (CaptureServer server = CaptureServer.start()
                .otherwise(r -> Reply.json(200, "{\"Id\":\"i\",\"AbsoluteTime\":\"2030-01-01T00:00:00.000Z\"}"));
             ParticipantClient client = ParticipantClient.builder().endpoint(server.uri()).build()) {
            client.sendMessage(SendMessageRequest.builder().connectionToken("t").contentType("text/plain")
                    .content("hi").clientToken("c").build()).block(Duration.ofSeconds(10));
            client.sendMessage(r -> r.connectionToken("t").contentType("text/plain").content("hi").clientToken("c"))
                    .block(Duration.ofSeconds(10));
            List<CaptureServer.Recorded> both = server.drain();
            assertThat(both).hasSize(2);
            assertThat(both.get(1).text()).isEqualTo(both.get(0).text());
            assertThat(both.get(1).headers().get("X-Amz-Bearer")).isEqualTo("t");
        }
    }
}
