/**
 * Internal: not API. The client's implementation; any class here may change or go in any release. Other
 * modules use {@link dev.connectchat.participant.spi} instead, and a build test fails when one does not.
 */
package dev.connectchat.participant.internal;
