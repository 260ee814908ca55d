package it;

import dev.connectchat.participant.ParticipantClient;
import io.netty.util.Version;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** connectchat-websocket next to the AWS SDK, without connectchat-bom: Maven mixes Netty 4.1 and 4.2. */
class WithoutBomTest {

    @Test
    void mavenPutNetty41OnTheClassPath() {
        Map<String, Version> jars = Version.identify();
        assertTrue(jars.values().stream().anyMatch(v -> v.artifactVersion().startsWith("4.1.")),
                "expected the AWS SDK's Netty 4.1 to win somewhere: " + jars);
    }

    @Test
    void theFirstClientFailsAtOnceWithAMessageThatNamesTheFix() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ParticipantClient.builder().endpoint(URI.create("http://127.0.0.1:8080")).build());
        System.out.println("the message a user sees: " + refused.getMessage());
        assertTrue(refused.getMessage().contains("Netty 4.2"), refused.getMessage());
        assertTrue(refused.getMessage().contains("connectchat-bom"), refused.getMessage());
        assertTrue(refused.getMessage().contains("before the AWS SDK's bom"), refused.getMessage());
    }
}
