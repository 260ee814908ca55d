package dev.connectchat.participant.testcontainers;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Participant Service emulator of {@code connectchat-testkit} in a container, for teams that run their
 * dependencies in Docker. The embedded emulator ({@code ParticipantEmulator}) needs no Docker and starts
 * faster; use this where the code under test runs in another container or language.
 *
 * <pre>{@code
 * @Container
 * static ConnectParticipantEmulatorContainer emulator = new ConnectParticipantEmulatorContainer();
 * ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
 * ConnectParticipantEmulatorContainer.Chat chat = emulator.startChat("Jane");
 * }</pre>
 */
public class ConnectParticipantEmulatorContainer extends GenericContainer<ConnectParticipantEmulatorContainer> {
    /** The image the testkit's Dockerfile builds. */
    public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("connectchat/participant-emulator:0.1.0-SNAPSHOT");
    /** The port the emulator listens on inside the container. */
    public static final int PORT = 8080;

    private static final Pattern FIELD = Pattern.compile("\"(ContactId|ParticipantToken)\":\"([^\"]+)\"");

    /** A chat started through the emulator's control API. */
    public record Chat(String contactId, String participantToken) {
    }

    /** Uses {@link #DEFAULT_IMAGE}. */
    public ConnectParticipantEmulatorContainer() {
        this(DEFAULT_IMAGE);
    }

    /** @param image an image built from the testkit's Dockerfile */
    public ConnectParticipantEmulatorContainer(DockerImageName image) {
        super(image);
        exposeAndWait();
    }

    /** @param image an image being built, e.g. an {@code ImageFromDockerfile} of the testkit's Dockerfile */
    public ConnectParticipantEmulatorContainer(Future<String> image) {
        super(image);
        exposeAndWait();
    }

    private void exposeAndWait() {
        withExposedPorts(PORT);
        waitingFor(Wait.forLogMessage(".*endpoint:.*\\n", 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** @return the endpoint to give {@code ParticipantClient.builder().endpoint(...)} */
    public URI endpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }

    /**
     * Starts a chat through the control API ({@code POST /_emulator/chats}).
     *
     * @param customerDisplayName the customer's display name
     * @return the contact id and the customer's participant token
     */
    /**
     * Tells the emulator the address it is reached at from the host (the mapped port), so that the socket and
     * attachment URLs it hands out work there; it never builds them from a request's {@code Host} header.
     */
    @Override
    protected void containerIsStarted(com.github.dockerjava.api.command.InspectContainerResponse info) {
        try {
            HttpURLConnection put = (HttpURLConnection) new URL(endpoint() + "/_emulator/endpoint").openConnection();
            put.setRequestMethod("PUT");
            put.setDoOutput(true);
            put.getOutputStream().write(("{\"Endpoint\":\"" + endpoint() + "\"}").getBytes(StandardCharsets.UTF_8));
            if (put.getResponseCode() != 200) {
                throw new IllegalStateException("the emulator refused its advertised endpoint: HTTP " + put.getResponseCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not tell the emulator at " + endpoint() + " its address", e);
        }
    }

    public Chat startChat(String customerDisplayName) {
        try {
            HttpURLConnection post = (HttpURLConnection) new URL(endpoint() + "/_emulator/chats").openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.getOutputStream().write(("{\"DisplayName\":\"" + customerDisplayName.replace("\"", "") + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            try (InputStream in = post.getInputStream()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String contactId = null;
                String token = null;
                Matcher m = FIELD.matcher(body);
                while (m.find()) {
                    if (m.group(1).equals("ContactId")) {
                        contactId = m.group(2);
                    } else {
                        token = m.group(2);
                    }
                }
                return new Chat(contactId, token);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start a chat on the emulator at " + endpoint(), e);
        }
    }
}
