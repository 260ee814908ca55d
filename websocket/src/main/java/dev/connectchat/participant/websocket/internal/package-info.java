/**
 * Internal: not API. The session engine's parts (socket link, token keeper, gap fill, item stream, backoff);
 * see docs/session-engine.md. Any class here may change or go in any release.
 */
package dev.connectchat.participant.websocket.internal;
