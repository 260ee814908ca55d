package dev.connectchat.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux service that joins Amazon Connect chats for its callers: start a session from a participant
 * token, send messages, stream the chat as Server-Sent Events, read the transcript. The
 * {@code ParticipantClient} comes from {@code connectchat-spring-boot} ({@code connectchat.region} or
 * {@code connectchat.endpoint}).
 */
@SpringBootApplication
public class ChatServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChatServiceApplication.class, args);
    }
}
