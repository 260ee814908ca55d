package dev.connectchat.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * A WebFlux service that joins Amazon Connect chats for its callers: start a session from a participant
 * token, send messages, stream the chat as Server-Sent Events (resumable with {@code Last-Event-ID}), read the
 * transcript. Its sessions survive its restarts: their snapshots are kept in a {@link SessionStore}. The
 * {@code ParticipantClient} comes from {@code connectchat-spring-boot} ({@code connectchat.region} or
 * {@code connectchat.endpoint}).
 */
@SpringBootApplication
public class ChatServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChatServiceApplication.class, args);
    }

    /** @return where sessions' snapshots are kept: a map, unless the application has a store of its own */
    @Bean
    @ConditionalOnMissingBean
    SessionStore sessionStore() {
        return new InMemorySessionStore();
    }
}
