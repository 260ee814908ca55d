package dev.connectchat.browser;

import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
