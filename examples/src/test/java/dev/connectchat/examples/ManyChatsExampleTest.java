package dev.connectchat.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The many-chats example, small: every session answers every agent message. */
class ManyChatsExampleTest {

    @Test
    void everySessionAnswersEveryMessage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long answered = ManyChatsExample.run(100, 3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(answered).isEqualTo(300);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("100 sessions open").contains("300 answers in");
    }
}
