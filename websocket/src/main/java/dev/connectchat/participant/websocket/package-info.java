/**
 * The chat WebSocket: {@link dev.connectchat.participant.websocket.ChatSession}, whose items arrive as a
 * {@code Flux} of typed {@link dev.connectchat.participant.websocket.ChatItem}s, exactly once and in order across
 * reconnects, token refreshes and socket rotations.
 *
 * <p>Nullness: parameters and results are non-null unless their documentation says "or {@code null}".
 */
package dev.connectchat.participant.websocket;
