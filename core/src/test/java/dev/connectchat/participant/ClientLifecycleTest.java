package dev.connectchat.participant;

import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A client closes what it made and nothing it was given: 1,000 clients opened, used and closed leave no
 * threads, sockets or direct memory behind; a closed client refuses calls with a clear error; resources shared
 * by several clients stay open until their owner closes them.
 */
class ClientLifecycleTest {
    static CaptureServer server;

    @BeforeAll
    static void start() {
        server = CaptureServer.start().otherwise(r -> Reply.json(200, "{\"Id\":\"i\",\"AbsoluteTime\":\"2030-01-01T00:00:00.000Z\"}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ParticipantClientBuilder builder() {
        return ParticipantClient.builder().endpoint(server.uri());
    }

    private static SendMessageResponse send(ParticipantClient client) {
        return client.sendMessage(SendMessageRequest.builder().connectionToken("t").contentType("text/plain")
                .content("hi").build()).block(Duration.ofSeconds(10));
    }

    @Test
    void aThousandClientsOpenedUsedAndClosedLeaveNothingBehind() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts descriptors in /proc (Linux)");
        // warm up: the first client starts Reactor Netty's shared event loops and the allocator's arenas
        for (int i = 0; i < 20; i++) {
            try (ParticipantClient client = builder().build()) {
                send(client);
            }
        }
        server.drain();
        int threads = threads();
        long descriptors = descriptors();
        long direct = PlatformDependent.usedDirectMemory() + directBuffers();

        for (int i = 0; i < 1000; i++) {
            try (ParticipantClient client = builder().build()) {
                assertThat(send(client).id()).isEqualTo("i");
            }
        }
        server.drain();

        // each client's pool closes its connection as it closes; wait until the last ones are gone
        Awaits.until(() -> descriptors() <= descriptors + 5);
        assertThat(threads()).as("threads").isLessThanOrEqualTo(threads + 2);
        assertThat(descriptors()).as("file descriptors (sockets)").isLessThanOrEqualTo(descriptors + 5);
        assertThat(PlatformDependent.usedDirectMemory() + directBuffers()).as("direct memory (Netty's and NIO's)")
                .isLessThanOrEqualTo(direct + 4L * 1024 * 1024);
    }

    @Test
    void aClosedClientRefusesCallsByName() {
        ParticipantClient client = builder().build();
        client.close();
        client.close(); // idempotent
        StepVerifier.create(client.sendMessage(SendMessageRequest.builder().connectionToken("t")
                        .contentType("text/plain").content("hi").build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessage("SendMessage: the ParticipantClient is closed"))
                .verify(Duration.ofSeconds(5));
        assertThat(client.toString()).endsWith("closed]");
    }

    @Test
    void sharedResourcesOutliveTheClientsThatUseThem() {
        try (ClientResources shared = ClientResources.builder().maxConnections(4).build()) {
            ParticipantClient first = builder().clientResources(shared).build();
            ParticipantClient second = builder().clientResources(shared).build();
            send(first);
            first.close();
            assertThat(shared.isClosed()).isFalse();
            assertThat(send(second).id()).as("the other client still sends").isEqualTo("i");
            second.close();
        }
        server.drain();
    }

    @Test
    void aClientOnClosedResourcesFailsAtBuildTimeWithAClearMessage() {
        ClientResources closed = ClientResources.create();
        closed.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder().clientResources(closed).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long descriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long directBuffers() {
        return ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
    }
}
