package dev.connectchat.browser;

import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What every browser test class has: an emulator and one Chromium, or a skip that says why there is none. */
abstract class BrowserTest {
    static ParticipantEmulator emulator;
    static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        String why = Chromium.unavailable().orElse(null);
        assumeTrue(why == null, () -> "browser tests skipped: " + why);
        emulator = ParticipantEmulator.start();
        browser = Chromium.start();
    }

    /** Waits until the chat has a subscribed socket: the emulator pushes only to those, as the service does. */
    static void subscribed(EmulatedChat chat) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (chat.openWebSockets() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(chat.openWebSockets()).as("sockets of the page subscribed").isPositive();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
