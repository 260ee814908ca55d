package dev.connectchat.participant.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.File;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the image from the testkit's Dockerfile and talks to the emulator in it. Needs a Docker engine:
 * skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConnectParticipantEmulatorContainerTest {
    private static final Path TESTKIT = Paths.get("..", "testkit").toAbsolutePath().normalize();

    @Container
    static ConnectParticipantEmulatorContainer emulator = new ConnectParticipantEmulatorContainer(
            new ImageFromDockerfile("connectchat/participant-emulator-test", false)
                    .withFileFromPath("Dockerfile", TESTKIT.resolve("Dockerfile"))
                    .withFileFromPath("target", TESTKIT.resolve("target")));

    @Test
    void startsAChatAndAnswersCreateParticipantConnection() throws Exception {
        ConnectParticipantEmulatorContainer.Chat chat = emulator.startChat("Jane");
        assertThat(chat.participantToken()).isNotBlank();
        HttpURLConnection post = (HttpURLConnection) new URL(emulator.endpoint() + "/participant/connection").openConnection();
        post.setRequestMethod("POST");
        post.setRequestProperty("X-Amz-Bearer", chat.participantToken());
        post.setDoOutput(true);
        post.getOutputStream().write("{\"Type\":[\"WEBSOCKET\"]}".getBytes(StandardCharsets.UTF_8));
        assertThat(post.getResponseCode()).isEqualTo(200);
        String body = new String(post.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"Url\":\"ws://" + emulator.getHost() + ":" + emulator.getMappedPort(8080));
        assertThat(new File(TESTKIT.toFile(), "Dockerfile")).exists();
    }
}
