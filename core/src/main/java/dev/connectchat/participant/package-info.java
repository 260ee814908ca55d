/**
 * The Amazon Connect Participant Service client: {@link dev.connectchat.participant.ParticipantClient}, its
 * builder and resources, retry policy and typed errors. Every operation returns a cold {@code Mono}.
 *
 * <p>Nullness: parameters and results are non-null unless their documentation says "or {@code null}".
 */
package dev.connectchat.participant;
