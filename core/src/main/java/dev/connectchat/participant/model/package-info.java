/**
 * The service's inputs and outputs as immutable records, with builders.
 *
 * <p>Build them with {@code builder()} and {@code toBuilder()}: the records' canonical constructors are not API
 * and change whenever the service adds a member. Every member may be {@code null}: the service may leave out any
 * member of an answer, and a member left unset in a builder is not sent.
 */
package dev.connectchat.participant.model;
