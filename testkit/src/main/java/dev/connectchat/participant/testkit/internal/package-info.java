/**
 * Internal: not API. The emulator's server, state and checks. It shares no code with the client it judges: it
 * reads requests with its own JSON set-up and checks them against the service model file.
 */
package dev.connectchat.participant.testkit.internal;
