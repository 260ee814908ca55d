package dev.connectchat.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example runs its whole scripted conversation against the emulator and ends by itself. */
class ChatBotExampleTest {

    @Test
    void theScriptedConversationRunsToTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ChatBotExample.runAgainstTheEmulator(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(out).contains("* Agent joined")
                .contains("[Agent] Hello! I'm Sam")
                .contains("[Bot] Hi Sam, I'd like to change the date")
                .contains("[Bot] It's EXT-42-PARIS.")
                .contains("[Agent] sent itinerary.txt")
                .contains("[Bot] Got itinerary.txt (30 bytes), thank you.")
                .contains("[Bot] No, that's all.")
                .contains("* the chat ended");
        assertThat(out.indexOf("[Bot] It's EXT-42-PARIS.")).isLessThan(out.indexOf("[Agent] Thanks. Which date"));
    }
}
