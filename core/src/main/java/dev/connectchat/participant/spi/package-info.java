/**
 * A small, stable surface for connectchat's own modules built on the client (the chat session): the service's
 * JSON, transport habits and option checks. Applications rarely need it; nothing here exposes mutable state.
 */
@NullMarked
package dev.connectchat.participant.spi;

import org.jspecify.annotations.NullMarked;
