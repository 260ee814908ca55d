/** The emulator as a Testcontainers container, for tests that want it in its own process. */
package dev.connectchat.participant.testcontainers;
