/**
 * The embedded, stateful emulator of the Amazon Connect Participant Service and its chat WebSocket, for tests,
 * examples and front-end work: {@link dev.connectchat.participant.testkit.ParticipantEmulator}.
 *
 * <p>Nullness: parameters and results are non-null unless their documentation says "or {@code null}".
 */
package dev.connectchat.participant.testkit;
